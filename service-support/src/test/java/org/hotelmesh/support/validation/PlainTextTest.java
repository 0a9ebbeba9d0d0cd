package org.hotelmesh.support.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Grand Hotel", "그랜드 호텔", "Hôtel ☕ 🏨", "line one\nline two\ttab", ""})
    void textPeopleTypeIsPlain(String text) {
        assertEquals(Optional.empty(), PlainText.problem(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ud800b", "\udc00", "end\ud83c", "x\u0000", "\u001b[31mred", "bell\u0007", "del\u007f",
            "c1\u0085", "evil\u202egnp.exe", "\u2066isolate"})
    void lonelySurrogatesControlsAndOverridesAreNot(String text) {
        assertTrue(PlainText.problem(text).isPresent(), text);
    }

    @Test
    void theReasonNamesTheCharacter() {
        assertEquals(Optional.of("must not contain an unpaired surrogate (\\ud800)"), PlainText.problem("a\ud800b"));
    }
}
