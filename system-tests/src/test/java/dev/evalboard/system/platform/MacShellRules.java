package dev.evalboard.system.platform;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What macOS does not run: its bash is 3.2 (no bash 4+ syntax) and its find, sed, date, readlink, stat... are BSD's
 * (no GNU-only options), and some GNU tools are absent altogether.
 */
final class MacShellRules {

    /** A rule; {@code absentTool} names a command macOS lacks, which a script may use after checking for it. */
    record Rule(String name, Pattern pattern, String instead, String absentTool) {
        boolean breaks(String line) {
            return pattern.matcher(line).find();
        }

        boolean allowedIn(String script) {
            return absentTool != null && script.contains("command -v " + absentTool);
        }
    }

    static final List<Rule> RULES = List.of(
            bash4("associative array", "\\b(declare|local|typeset)\\s+-[a-zA-Z]*A", "two plain arrays or a case"),
            bash4("nameref", "\\b(declare|local|typeset)\\s+-[a-zA-Z]*n\\b", "eval or printf -v"),
            bash4("mapfile/readarray", "\\b(mapfile|readarray)\\b", "a while read loop"),
            bash4("case conversion", "\\$\\{[^}]*(\\^\\^?|,,?)\\}", "tr '[:upper:]' '[:lower:]'"),
            bash4("&>> redirection", "&>>", ">>file 2>&1"),
            bash4("|& pipe", "\\|&", "2>&1 |"),
            bash4("wait -n", "\\bwait\\s+-n\\b", "wait for each pid"),
            bash4("negative array subscript", "\\$\\{\\w+\\[\\s*-[0-9]", "${a[${#a[@]}-1]}"),
            bash4("coproc", "\\bcoproc\\b", "a named pipe"),
            bash4("globstar/lastpipe", "\\bshopt\\s+-s\\s+(globstar|lastpipe)", "find"),
            bash4("case fall-through", ";;&|;&\\s*$", "repeat the pattern"),
            bash4("[[ -v ]]", "\\[\\[\\s+-v\\s", "[ -n \"${x+set}\" ]"),
            bash4("declare -g", "\\bdeclare\\s+-[a-zA-Z]*g", "assign outside the function"),
            bash4("${x@Q} transformation", "\\$\\{\\w+@[QEPAaUuLK]\\}", "printf %q"),
            bash4("$EPOCHSECONDS/$EPOCHREALTIME", "\\$\\{?EPOCH(SECONDS|REALTIME)", "date +%s"),
            bash4("brace range with a step", "\\{-?[0-9]+\\.\\.-?[0-9]+\\.\\.", "seq"),
            gnu("sed -i without a backup suffix", "\\bsed\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*i(\\s|$)",
                    "sed -i.bak ... && rm file.bak, or a temporary file"),
            gnu("sed -r", "\\bsed\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*r\\b", "sed -E"),
            gnu("find -printf", "\\bfind\\b.*\\s-printf\\b", "-exec or -print"),
            gnu("find -regextype", "\\bfind\\b.*\\s-regextype\\b", "-name patterns"),
            gnu("readlink -f", "\\breadlink\\s+-[a-zA-Z]*f", "cd \"$(dirname ...)\" && pwd"),
            gnu("date -d", "\\bdate\\s+(-[a-zA-Z]+\\s+)*(-d\\b|--date)", "arithmetic on date +%s"),
            gnu("stat -c", "\\bstat\\s+(-[a-zA-Z]+\\s+)*-c\\b", "ls -l or find -newer"),
            gnu("grep -P", "\\bgrep\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*P", "grep -E"),
            gnu("xargs -r", "\\bxargs\\s+(-[a-zA-Z]+\\s+)*-[a-zA-Z]*r\\b", "a guard on empty input"),
            gnu("base64 -w", "\\bbase64\\s+(-[a-zA-Z]+\\s+)*-w", "base64 | tr -d '\\n'"),
            absent("nproc", "getconf _NPROCESSORS_ONLN"),
            absent("timeout", "a background job and kill"),
            absent("realpath", "cd \"$(dirname ...)\" && pwd"),
            absent("sha256sum", "shasum -a 256"),
            absent("md5sum", "md5"),
            absent("tac", "tail -r"),
            gnu("/proc", "/proc/", "ps or sysctl"));

    private MacShellRules() {
    }

    private static Rule bash4(String name, String regex, String instead) {
        return new Rule("bash 4+ " + name + " (macOS has bash 3.2)", Pattern.compile(regex), instead, null);
    }

    private static Rule gnu(String name, String regex, String instead) {
        return new Rule("GNU-only " + name + " (macOS has BSD tools)", Pattern.compile(regex), instead, null);
    }

    private static Rule absent(String tool, String instead) {
        return new Rule(tool + " (macOS has none; check with command -v first)",
                Pattern.compile("(^|[;&|(`]|\\$\\(|\\s)" + tool + "(\\s|$|\\))"), instead, tool);
    }

    /** The code of a script line: comments dropped (a # that starts a word), quoted text kept. */
    static String code(String line) {
        String trimmed = line.stripLeading();
        if (trimmed.startsWith("#")) {
            return "";
        }
        int comment = line.indexOf(" #");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
