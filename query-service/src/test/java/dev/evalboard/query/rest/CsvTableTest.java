package dev.evalboard.query.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTableTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "=1+2|'=1+2", "+cmd|'+cmd", "-2+3|'-2+3", "@SUM(A1)|'@SUM(A1)",
        "-1.5|-1.5", "+3|+3", "-2e5|-2e5", ".5|.5", "plain|plain", "a=b|a=b", "'=x|'=x"})
    void textThatASpreadsheetWouldRunIsNeutralizedButNumbersAreNot(String cell, String written) {
        assertEquals("h\r\n" + written + "\r\n", csv(cell));
    }

    @Test
    void aTabOrCarriageReturnAtTheStartIsNeutralized() {
        assertEquals("h\r\n'\tx\r\n", csv("\tx"));
        assertEquals("h\r\n\"'\rx\"\r\n", csv("\rx"));
    }

    @Test
    void numbersAreWrittenAsTheyAreAndNonFiniteOnesAsEmptyCells() {
        CsvTable table = new CsvTable(List.of("a", "b", "c", "d"));
        table.row(Arrays.asList(-5.0, -3L, Double.POSITIVE_INFINITY, List.of("=x", "y")));
        assertEquals("a,b,c,d\r\n-5,-3,,'=x;y\r\n", new String(table.bytes(), StandardCharsets.UTF_8));
    }

    private static String csv(String cell) {
        return new String(new CsvTable(List.of("h")).row(List.of(cell)).bytes(), StandardCharsets.UTF_8);
    }
}
