package org.unionstats.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's arguments as the run history ({@code ops.pipeline_runs}, which analysts read) and the
 * lock file keep them: secrets and paths to secrets replaced with {@value #HIDDEN}. Redacted are
 * the values of options named like a secret ({@code --pseudonym-key-file}, anything with key,
 * password, secret, token or credential in its name, Beam's options included), the user and
 * password of a URL ({@code https://user:pass@host}), and URL parameters named like a secret
 * ({@code ?token=}, {@code api_key=}). Everything else stays as given, so a run can still be told
 * from another.
 */
public final class RunArguments {

    public static final String HIDDEN = "***";

    /** Names that say a value is a secret or leads to one (matched case-insensitively, anywhere in the name). */
    private static final Pattern SECRET_NAME = Pattern.compile("key|passw|pwd|secret|token|credential|auth", Pattern.CASE_INSENSITIVE);
    /** user[:password]@ in a URL. */
    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");
    /** name=value in a URL's query or fragment. */
    private static final Pattern PARAMETER = Pattern.compile("([?&#;])([^=&#;\\s]+)=([^&#;\\s]*)");

    private RunArguments() {}

    /** The arguments with every secret replaced; the same number of arguments. */
    public static List<String> redact(List<String> arguments) {
        List<String> out = new ArrayList<>(arguments.size());
        boolean nextIsSecret = false;
        for (String argument : arguments) {
            if (nextIsSecret && !argument.startsWith("--")) {
                out.add(HIDDEN);
                nextIsSecret = false;
                continue;
            }
            nextIsSecret = false;
            int equals = argument.indexOf('=');
            if (argument.startsWith("-") && equals < 0) {
                // --pseudonym-key-file FILE: the next argument is the value.
                nextIsSecret = isSecretName(argument);
                out.add(argument);
            } else if (equals > 0 && !argument.substring(0, equals).contains("://") && isSecretName(argument.substring(0, equals))) {
                // --pseudonym-key-file=FILE, --awsCredentialsProvider={...}, api_key=...
                out.add(argument.substring(0, equals + 1) + HIDDEN);
            } else {
                out.add(redactUrls(argument));
            }
        }
        return out;
    }

    /** A command line kept as one string (the history's {@code arguments}): its space-separated words redacted. */
    public static String redact(String arguments) {
        if (arguments == null || arguments.isEmpty()) {
            return arguments;
        }
        return String.join(" ", redact(List.of(arguments.split(" ", -1))));
    }

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name.replaceFirst("^-+", "")).find();
    }

    /** Credentials inside URLs anywhere in the text: user info and secret-named parameters. */
    static String redactUrls(String text) {
        if (!text.contains("://") && !text.contains("?") && !text.contains("&")) {
            return text;
        }
        String result = USER_INFO.matcher(text).replaceAll(HIDDEN + "@");
        Matcher m = PARAMETER.matcher(result);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = isSecretName(m.group(2).toLowerCase(Locale.ROOT)) ? m.group(1) + m.group(2) + "=" + HIDDEN : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
