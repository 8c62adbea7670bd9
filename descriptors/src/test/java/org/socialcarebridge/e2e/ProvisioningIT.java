package org.socialcarebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The RT schema loader against the real RT: idempotent, and the agent's Reply form offers the choice. */
class ProvisioningIT {
    /** RT only: this run's users, made once RT is provisioned; no simulator, no Karaf. */
    @RegisterExtension
    static final EndToEnd fixture = EndToEnd.rtOnly();
    static final Path PROVISION = Path.of("host/rt/provision.sh").toAbsolutePath();

    static String run() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", PROVISION.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    static int fieldsNamed(Rt rt, String name) {
        JsonNode found = rt.send("POST", "/customfields?per_page=100",
                Rt.JSON.createArrayNode().add(Rt.JSON.createObjectNode().put("field", "Name").put("value", name)));
        return found.path("items").size();
    }

    @Test
    void provisioningTwiceChangesNothing() throws Exception {
        run();
        Rt root = RtAccounts.ofThisRun().admin.login();
        List<String> names = List.of("Social Network", "Social Handle", "Social Profile URL", "Social Conversation ID",
                "Reply Visibility", "Social Post ID", "Social Delivery");
        for (String name : names) {
            assertEquals(1, fieldsNamed(root, name), name);
        }
        String second = run();
        assertTrue(second.contains("RT schema: already up to date"), second);
        for (String name : names) {
            assertEquals(1, fieldsNamed(root, name), name + " after a second run");
        }
    }

    @Test
    void theAgentsReplyFormOffersReplyVisibility() throws Exception {
        Rt agent = RtAccounts.ofThisRun().agent.login();
        long ticket = agent.send("POST", "/ticket", Rt.JSON.createObjectNode().put("Queue", "Social")
                .put("Subject", "reply form check").put("Content", "x").put("ContentType", "text/plain")).path("id").asLong();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Rt.URL + "/Ticket/Update.html?Action=Respond&id=" + ticket))
                .header("Cookie", agent.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Reply Visibility"), "the Reply form shows the field");
        assertTrue(page.body().contains("value=\"Public\"") && page.body().contains("value=\"Private\"")
                && page.body().contains("value=\"Move to private\""), "the three reply actions are offered");
        assertFalse(page.body().matches("(?s).*<option value=\"(Public|Private)\"\\s*selected.*"),
                "nothing is preselected: left empty, the reply goes the way the customer last wrote");
        assertFalse(page.body().contains("Social Post ID") || page.body().contains("Social Delivery")
                        || page.body().contains("Social Seen:"),
                "the plugin's own fields are not for agents to fill in");
    }

    @Test
    void theResponseLibraryIsInsertableFromTheReplyForm() throws Exception {
        Rt agent = RtAccounts.ofThisRun().agent.login();
        long ticket = agent.send("POST", "/ticket", Rt.JSON.createObjectNode().put("Queue", "Social")
                .put("Subject", "response library check").put("Content", "x").put("ContentType", "text/plain")).path("id").asLong();
        String form = Rt.URL + "/Ticket/Update.html?Action=Respond&id=" + ticket;
        HttpClient http = HttpClient.newHttpClient();
        String page = http.send(HttpRequest.newBuilder(URI.create(form)).header("Cookie", agent.cookie()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("Include Article"), "the Reply form offers the library");
        for (String name : new String[] {"Acknowledge and move to private", "Holding message during an incident",
                "Thank you and closing", "share personal data publicly"}) {
            assertTrue(page.contains(name), name);
        }
        long id = RtAccounts.ofThisRun().admin.login().send("POST", "/articles", Rt.JSON.createArrayNode().add(
                Rt.JSON.createObjectNode().put("field", "Name").put("value", "Thank you and closing")))
                .path("items").get(0).path("id").asLong();
        // A browser sends the Referer; without it RT's CSRF check stops a form with arguments.
        String included = http.send(HttpRequest.newBuilder(URI.create(form + "&IncludeArticleId=" + id))
                .header("Cookie", agent.cookie()).header("Referer", form).build(), HttpResponse.BodyHandlers.ofString()).body();
        String box = included.substring(included.indexOf("name=\"UpdateContent\""), included.indexOf("</textarea>"));
        assertTrue(box.contains("glad we got things fixed"), "the article's text goes into the reply: " + box);
        assertFalse(box.contains("Thank you and closing"), "its name is for agents only: " + box);
    }
}
