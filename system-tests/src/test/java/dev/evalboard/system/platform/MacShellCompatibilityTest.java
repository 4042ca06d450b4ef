package dev.evalboard.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.evalboard.system.platform.MacShellRules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./evalboard} and what it calls run unchanged on macOS (bash 3.2, BSD tools): no line of them uses what
 * {@link MacShellRules} lists. Checked by reading the scripts; no Mac runs them here.
 */
class MacShellCompatibilityTest {

    @Test
    void theScriptsOfEveryMachineUseNothingMacOsLacks() throws Exception {
        List<String> findings = new ArrayList<>();
        for (Path script : ShellScripts.ON_EVERY_MACHINE) {
            String text = Files.readString(script);
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String code = MacShellRules.code(lines.get(i));
                for (Rule rule : MacShellRules.RULES) {
                    if (rule.breaks(code) && !rule.allowedIn(text)) {
                        findings.add(ShellScripts.REPO.relativize(script) + ":" + (i + 1) + ": " + rule.name()
                                + "; instead: " + rule.instead() + "\n    " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals("", String.join("\n", findings));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "declare -A seen=()", "local -n ref=$1", "mapfile -t lines < f", "readarray -t lines < f",
        "echo \"${name,,}\"", "echo \"${name^^}\"", "run &>> log", "run |& tee log", "wait -n",
        "echo \"${parts[-1]}\"", "coproc worker { cat; }", "shopt -s globstar", "  a) x ;;&", "[[ -v HOME ]]",
        "declare -g total=0", "echo ${name@Q}", "echo $EPOCHSECONDS", "for i in {1..10..2}; do :; done",
        "sed -i 's/a/b/' file", "sed -n -i 's/a/b/' file", "sed -r 's/(a)/b/' file", "find . -printf '%p'",
        "find . -regextype posix-extended -regex x", "dir=$(readlink -f \"$0\")", "realpath x",
        "date -d yesterday", "stat -c %Y file", "grep -P '\\d' file", "ls | xargs -r rm", "base64 -w0 file",
        "make -j$(nproc)", "timeout 5 curl x", "echo x | sha256sum -c", "tac file", "head -1 /proc/cpuinfo"})
    void eachRuleCatchesWhatMacOsLacks(String line) {
        assertTrue(MacShellRules.RULES.stream().anyMatch(rule -> rule.breaks(MacShellRules.code(line))), line);
    }

    @Test
    void aToolMacOsLacksMayBeUsedWhereTheScriptChecksForItFirst() {
        Rule sha256sum = MacShellRules.RULES.stream().filter(rule -> "sha256sum".equals(rule.absentTool()))
                .findFirst().orElseThrow();
        assertTrue(sha256sum.allowedIn("if command -v sha256sum >/dev/null; then sha256sum -c; else shasum -c; fi"));
        assertFalse(sha256sum.allowedIn("sha256sum -c sums"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "declare -a list=()", "local name=$1", "echo \"${#name}\" \"${name%.*}\" \"${name:-x}\"",
        "run >>log 2>&1", "sed -i.bak 's/a/b/' file", "sed -n '2,6p' \"$0\" | sed 's/^# \\{0,1\\}//'",
        "sed -E 's/x/y/' f", "find pom.xml -newer stamp -type f -print -quit", "date +%s", "grep -E 'x' f",
        "cd \"$(dirname \"$0\")\" && pwd", "  a) x ;;", "[ $# -eq 0 ] # timeout 5 and nproc in a comment",
        "# sed -i in a comment", "head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9'", "exec java -jar x"})
    void portableLinesPass(String line) {
        List<String> broken = MacShellRules.RULES.stream().filter(rule -> rule.breaks(MacShellRules.code(line)))
                .map(Rule::name).toList();
        assertEquals(List.of(), broken, line);
    }
}
