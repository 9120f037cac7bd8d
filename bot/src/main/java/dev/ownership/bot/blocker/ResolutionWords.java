package dev.ownership.bot.blocker;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an author's reply in their blocker's thread says it is resolved: "thanks", "fixed", "unblocked", "works
 * now" and the like, unless the reply says it is not ("not fixed yet", "thanks, but still failing"). Code and quotes
 * are not the author's words and are left out.
 */
final class ResolutionWords {
    private static final Pattern RESOLVED = Pattern.compile(
            "\\b(thanks|thank you|thank u|thx|ty|cheers|fixed|unblocked|resolved|solved|sorted|works now|working now"
                    + "|that worked|it worked|all good now|done now)\\b");
    private static final Pattern NOT_YET = Pattern.compile(
            "\\b(not|no longer|still|yet|but|however|although|unfortunately|didn't|doesn't|isn't|wasn't|won't|can't"
                    + "|didnt|doesnt|isnt|cant|any other|anyone|in advance|will try|i'll try|ill try|try that)\\b");
    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`]*`", Pattern.DOTALL);
    private static final Pattern QUOTE = Pattern.compile("(?m)^(&gt;|>).*$");

    private ResolutionWords() {}

    static boolean resolves(String text) {
        if (text == null) {
            return false;
        }
        String own = QUOTE.matcher(CODE.matcher(text).replaceAll(" ")).replaceAll(" ");
        String words = own.toLowerCase(Locale.ROOT).replace('’', '\'');
        return RESOLVED.matcher(words).find() && !NOT_YET.matcher(words).find();
    }
}
