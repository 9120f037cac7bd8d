package dev.ownership.bot.command;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a timezone as people name it: an id ({@code Europe/Berlin}, any case), a city from the JDK's zone ids
 * ({@code Berlin}, {@code new york}, {@code São Paulo}), a common abbreviation ({@code PST}, {@code CET},
 * {@code AEST}), or an offset from UTC ({@code UTC+2}). An abbreviation that means several places ({@code IST},
 * {@code CST}, {@code BST}) is answered with the candidates to pick from. Stateless and thread-safe.
 */
final class ZoneWords {
    /** The areas of the tz database whose ids name a city ({@code Europe/Berlin}), as opposed to {@code Etc/…}. */
    private static final Set<String> AREAS =
            Set.of("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific");

    private static final Pattern OFFSET = Pattern.compile("(?:utc|gmt)([+-])(\\d{1,2})(?::?(\\d{2}))?");

    /** The places of abbreviations with a standard and a summer form, declared before the table. */
    private static final List<Place> PACIFIC = one("America/Los_Angeles", "US Pacific");

    private static final List<Place> MOUNTAIN = one("America/Denver", "US Mountain");
    private static final List<Place> CENTRAL = one("America/Chicago", "US Central");
    private static final List<Place> EASTERN = one("America/New_York", "US Eastern");
    private static final List<Place> WESTERN = one("Europe/Lisbon", "Western Europe");
    private static final List<Place> CENTRAL_EUROPE = one("Europe/Paris", "Central Europe");
    private static final List<Place> EASTERN_EUROPE = one("Europe/Athens", "Eastern Europe");
    private static final List<Place> EAST_AUSTRALIA = one("Australia/Sydney", "Eastern Australia");
    private static final List<Place> NEW_ZEALAND = one("Pacific/Auckland", "New Zealand");

    /**
     * Abbreviations people use, standard and summer time alike, with the places they can mean. The JDK's own
     * short ids ({@link ZoneId#SHORT_IDS}) are not used: several of them surprise ({@code BST} is Dhaka there,
     * {@code EST} a fixed offset without summer time).
     */
    private static final Map<String, List<Place>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", List.of(new Place("UTC", "UTC"))),
            Map.entry("GMT", List.of(new Place("GMT", "GMT"))),
            Map.entry("PST", PACIFIC),
            Map.entry("PDT", PACIFIC),
            Map.entry("PT", PACIFIC),
            Map.entry("MST", MOUNTAIN),
            Map.entry("MDT", MOUNTAIN),
            Map.entry("MT", MOUNTAIN),
            Map.entry(
                    "CST",
                    List.of(
                            new Place("America/Chicago", "US Central"),
                            new Place("Asia/Shanghai", "China"),
                            new Place("America/Havana", "Cuba"))),
            Map.entry("CDT", CENTRAL),
            Map.entry("CT", CENTRAL),
            Map.entry("EST", EASTERN),
            Map.entry("EDT", EASTERN),
            Map.entry("ET", EASTERN),
            Map.entry("AKST", one("America/Anchorage", "Alaska")),
            Map.entry("AKDT", one("America/Anchorage", "Alaska")),
            Map.entry("HST", one("Pacific/Honolulu", "Hawaii")),
            Map.entry(
                    "AST",
                    List.of(new Place("America/Halifax", "Atlantic Canada"), new Place("Asia/Riyadh", "Arabia"))),
            Map.entry("ADT", one("America/Halifax", "Atlantic Canada")),
            Map.entry("NST", one("America/St_Johns", "Newfoundland")),
            Map.entry("NDT", one("America/St_Johns", "Newfoundland")),
            Map.entry("BRT", one("America/Sao_Paulo", "Brazil")),
            Map.entry("ART", one("America/Argentina/Buenos_Aires", "Argentina")),
            Map.entry("WET", WESTERN),
            Map.entry("WEST", WESTERN),
            Map.entry(
                    "BST",
                    List.of(new Place("Europe/London", "British Summer Time"), new Place("Asia/Dhaka", "Bangladesh"))),
            Map.entry(
                    "IST",
                    List.of(
                            new Place("Asia/Kolkata", "India"),
                            new Place("Europe/Dublin", "Ireland"),
                            new Place("Asia/Jerusalem", "Israel"))),
            Map.entry("CET", CENTRAL_EUROPE),
            Map.entry("CEST", CENTRAL_EUROPE),
            Map.entry("EET", EASTERN_EUROPE),
            Map.entry("EEST", EASTERN_EUROPE),
            Map.entry("MSK", one("Europe/Moscow", "Moscow")),
            Map.entry("SAST", one("Africa/Johannesburg", "South Africa")),
            Map.entry("WAT", one("Africa/Lagos", "West Africa")),
            Map.entry("CAT", one("Africa/Maputo", "Central Africa")),
            Map.entry("EAT", one("Africa/Nairobi", "East Africa")),
            Map.entry("GST", one("Asia/Dubai", "Gulf")),
            Map.entry("PKT", one("Asia/Karachi", "Pakistan")),
            Map.entry("ICT", one("Asia/Bangkok", "Indochina")),
            Map.entry("WIB", one("Asia/Jakarta", "Western Indonesia")),
            Map.entry("SGT", one("Asia/Singapore", "Singapore")),
            Map.entry("HKT", one("Asia/Hong_Kong", "Hong Kong")),
            Map.entry("PHT", one("Asia/Manila", "Philippines")),
            Map.entry("KST", one("Asia/Seoul", "Korea")),
            Map.entry("JST", one("Asia/Tokyo", "Japan")),
            Map.entry("AWST", one("Australia/Perth", "Western Australia")),
            Map.entry("ACST", one("Australia/Adelaide", "Central Australia")),
            Map.entry("ACDT", one("Australia/Adelaide", "Central Australia")),
            Map.entry("AEST", EAST_AUSTRALIA),
            Map.entry("AEDT", EAST_AUSTRALIA),
            Map.entry("NZST", NEW_ZEALAND),
            Map.entry("NZDT", NEW_ZEALAND));

    /** Big cities people name that the tz database files under a neighbour. */
    private static final Map<String, String> CITIES_WITHOUT_THEIR_OWN_ID = Map.ofEntries(
            Map.entry("san francisco", "America/Los_Angeles"),
            Map.entry("seattle", "America/Los_Angeles"),
            Map.entry("boston", "America/New_York"),
            Map.entry("washington", "America/New_York"),
            Map.entry("mumbai", "Asia/Kolkata"),
            Map.entry("bangalore", "Asia/Kolkata"),
            Map.entry("bengaluru", "Asia/Kolkata"),
            Map.entry("delhi", "Asia/Kolkata"),
            Map.entry("new delhi", "Asia/Kolkata"),
            Map.entry("beijing", "Asia/Shanghai"),
            Map.entry("munich", "Europe/Berlin"));

    /** Lower-case ids to ids, so that {@code europe/berlin} is read as {@code Europe/Berlin}. */
    private static final Map<String, String> IDS = ZoneId.getAvailableZoneIds().stream()
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), id -> id, ZoneWords::either));

    /** Cities ({@code new york}, {@code sao paulo}) to the id that names them. */
    private static final Map<String, String> CITIES = cities();

    private ZoneWords() {}

    /** The timezone {@code text} names, or a one-line problem: not a timezone, or which of several it means. */
    static Parsed<ZoneId> zone(String text) {
        String typed = text.strip().replaceAll("\\s+", " ");
        String lower = typed.toLowerCase(Locale.ROOT);
        if (lower.contains("/") && IDS.containsKey(lower)) {
            return Parsed.of(ZoneId.of(IDS.get(lower)));
        }
        List<Place> places = ABBREVIATIONS.get(typed.toUpperCase(Locale.ROOT));
        if (places != null) {
            return places.size() == 1 ? Parsed.of(ZoneId.of(places.get(0).id())) : ambiguous(typed, places);
        }
        Optional<ZoneId> offset = offset(lower);
        if (offset.isPresent()) {
            return Parsed.of(offset.get());
        }
        String city = cityKey(typed);
        String id = CITIES.getOrDefault(city, CITIES_WITHOUT_THEIR_OWN_ID.get(city));
        if (id != null) {
            return Parsed.of(ZoneId.of(id));
        }
        return Parsed.problem("I don't know the timezone " + Echo.quoted(typed)
                + ". Try a city (`Berlin`, `new york`) or AREA/CITY (`Europe/Berlin`).");
    }

    private static Parsed<ZoneId> ambiguous(String typed, List<Place> places) {
        List<String> named = places.stream()
                .map(place -> place.id() + " (" + place.label() + ")")
                .toList();
        String choices = String.join(", ", named.subList(0, named.size() - 1)) + " or " + named.get(named.size() - 1);
        return Parsed.problem(Echo.quoted(typed) + " could be " + choices + ". Pick one, e.g. `/ownership schedule "
                + "timezone " + places.get(0).id() + "`.");
    }

    private static Optional<ZoneId> offset(String lower) {
        Matcher offset = OFFSET.matcher(lower.replace(" ", ""));
        if (!offset.matches()) {
            return Optional.empty();
        }
        int sign = offset.group(1).equals("-") ? -1 : 1;
        int hours = Integer.parseInt(offset.group(2));
        int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
        try {
            return Optional.of(ZoneId.ofOffset("UTC", ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> cities() {
        Map<String, String> cities = new HashMap<>();
        ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.contains("/") && AREAS.contains(id.substring(0, id.indexOf('/'))))
                // Of two ids for one city (America/Buenos_Aires, America/Argentina/Buenos_Aires; the same rules),
                // the longer is the one the tz database keeps current.
                .sorted(Comparator.comparingInt((String id) -> id.split("/").length)
                        .thenComparing(id -> id))
                .forEach(id -> cities.put(cityKey(id.substring(id.lastIndexOf('/') + 1)), id));
        return Map.copyOf(cities);
    }

    /** A city as compared: lower case, without accents, {@code _} as a space ({@code São_Paulo} → {@code sao paulo}). */
    private static String cityKey(String city) {
        String plain = Normalizer.normalize(city.replace('_', ' '), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String either(String first, String second) {
        return first.compareTo(second) <= 0 ? first : second;
    }

    private static List<Place> one(String id, String label) {
        return List.of(new Place(id, label));
    }

    /** A timezone an abbreviation can mean, with a word on where it is. */
    private record Place(String id, String label) {}
}
