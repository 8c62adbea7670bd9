package org.socialcarebridge.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.socialcarebridge.HostileText;

/** The survey answer and the resolution confirmation, and the pieces they read, on hostile text. */
class FollowUpReadersPropertiesTest {
    @TestFactory
    Stream<DynamicTest> aSurveyAnswerIsARatingInRangeOrNone() {
        return HostileText.check("survey answer", 3, text -> {
            SurveyAnswer a = SurveyAnswer.read(text);
            a.score().ifPresent(s -> assertTrue(s >= 1 && s <= 5, "score " + s));
            assertFalse(a.score().isPresent() && a.angry(), "a score and angry");
            String reading = a.reading();
            assertNotNull(reading);
            // the reading goes on the ticket as it is: short, one line, made of the rules' words
            assertTrue(reading.length() <= 200, reading.length() + " characters: " + reading);
            assertTrue(reading.chars().noneMatch(Character::isISOControl), reading);
            assertEquals(a, SurveyAnswer.read(text), "the same answer read twice");
            // only the head is read: what follows it changes nothing
            if (text.length() >= SurveyAnswer.MAX_CHARS) {
                assertEquals(a, SurveyAnswer.read(text + " 1/5 terrible"), "read past MAX_CHARS");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> surveyPiecesAreInOrderAndRatingWordsPointAtThem() {
        return HostileText.check("answer pieces", 3, text -> {
            String head = CustomerText.head(text, SurveyAnswer.MAX_CHARS);
            List<AnswerPiece> pieces = AnswerPieces.of(head);
            assertTrue(pieces.size() <= head.length(), pieces.size() + " pieces of " + head.length() + " characters");
            for (AnswerPiece p : pieces) {
                assertNotNull(p.kind());
                assertFalse(p.text().isEmpty(), "an empty piece in " + pieces);
                if (p.is(AnswerPiece.Kind.FACE)) {
                    assertTrue(p.value() >= 1 && p.value() <= 5, "face " + p);
                }
            }
            for (RatingWords.Reading r : RatingWords.read(pieces)) {
                assertTrue(r.score() >= 1 && r.score() <= 5, "rating " + r);
                assertTrue(0 <= r.first() && r.first() <= r.last() && r.last() < pieces.size(), "span " + r);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aConfirmationIsReadFromTheHeadAndAQuestionNeverConfirms() {
        return HostileText.check("resolution confirmation", 3, text -> {
            boolean confirms = ResolutionConfirmation.confirms(text);
            assertEquals(confirms, ResolutionConfirmation.confirms(text), "the same text read twice");
            assertEquals(confirms, ResolutionConfirmation.confirms(text.length() >= ResolutionConfirmation.MAX_CHARS
                    ? text + " still broken" : text), "read past MAX_CHARS");
            // "thanks but it's still broken": a complaint anywhere withdraws it
            if (text.length() < ResolutionConfirmation.MAX_CHARS - 40) {
                assertFalse(ResolutionConfirmation.confirms(text + ". it is still broken"), "confirmed despite a complaint");
            }
        });
    }
}
