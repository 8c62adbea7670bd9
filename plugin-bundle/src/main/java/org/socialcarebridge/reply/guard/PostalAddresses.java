package org.socialcarebridge.reply.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses, by the parts that make an address personal:
 * <ul>
 * <li>a house number, one to four capitalised street-name words and a capitalised street suffix,
 * e.g. {@code 221B Baker Street}, {@code 10 Downing St}, {@code 350 5th Avenue}. Capitals are required
 * because "Way", "Close", "Court" and "Drive" are everyday words ("2 days in court"); "1st Avenue"
 * alone has no house number and names a street, not a home;</li>
 * <li>UK postcodes, e.g. {@code SW1A 1AA}, with the letters Royal Mail allows (the inward code never
 * has C, I, K, M, O or V), but not a storage size such as {@code PS5 2TB};</li>
 * <li>US {@code City, ST 12345} and {@code City, ST 12345-6789} with a real state code.</li>
 * </ul>
 */
final class PostalAddresses implements Detector {
    private static final String SUFFIX = "(Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Close|Court|Ct"
            + "|Place|Pl|Terrace|Crescent|Square|Sq|Parkway|Pkwy|Highway|Hwy|Gardens|Grove|Mews|Row)";
    private static final Pattern STREET = Pattern.compile("(?<![\\w-])\\d{1,5}+[A-Za-z]?(?:[-/]\\d{1,5}+[A-Za-z]?)?,? "
            + "(?:(?:[A-Z][A-Za-z'’.-]{0,30}+|\\d{1,3}(?:st|nd|rd|th)) ){1,4}?" + SUFFIX + "(?![\\w])");
    private static final Pattern UK_POSTCODE = Pattern.compile(
            "(?<![A-Za-z\\d])[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z\\d])(?<!\\d[GTP]B)");
    private static final Pattern US_CITY_ZIP = Pattern.compile("(?<![\\w])[A-Z][a-z]++(?:(?:\\.? |-|')[A-Z][a-z]++){0,3}+, "
            + "(AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND"
            + "|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY) \\d{5}(?:-\\d{4})?(?![\\w-])");

    @Override
    public void find(String text, List<Finding> found) {
        Matcher m = STREET.matcher(text);
        while (m.find()) {
            add(m, "••• " + m.group(1), found);
        }
        m = UK_POSTCODE.matcher(text);
        while (m.find()) {
            // The postcode area (letters before the first digit) is a region, not a home.
            String area = m.group().replaceAll("\\d.*", "");
            add(m, area + "•• •••", found);
        }
        m = US_CITY_ZIP.matcher(text);
        while (m.find()) {
            add(m, "•••, " + m.group(1) + " •••••", found);
        }
    }

    private static void add(Matcher m, String shown, List<Finding> found) {
        found.add(new Finding(SensitiveData.POSTAL_ADDRESS, SensitiveData.POSTAL_ADDRESS.noun(), shown, m.start(), m.end()));
    }
}
