package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitTest {

    @Test
    void aUnitAcceptsItsNameCodeAliasesAndBuiltInClassifiers() {
        Unit persons = Unit.of("persons", "人", List.of("人数"));
        assertThat(persons.accepts("人")).isTrue();
        assertThat(persons.accepts("名")).isTrue();
        assertThat(persons.accepts("位")).isTrue();
        assertThat(persons.accepts("persons")).isTrue();
        assertThat(persons.accepts("PERSONS")).isTrue();
        assertThat(persons.accepts(" 人数 ")).isTrue();
        assertThat(persons.accepts("人次")).isFalse();
        assertThat(persons.accepts("万人")).isFalse(); // a multiple is not the unit
        assertThat(persons.accepts(null)).isFalse();
        assertThat(persons.zh()).isEqualTo("人");
        assertThat(persons.code()).isEqualTo("persons");
    }

    @Test
    void anUnknownCodeHasOnlyItsOwnWords() {
        Unit hives = Unit.of("hives", "箱", List.of());
        assertThat(hives.accepts("箱")).isTrue();
        assertThat(hives.accepts("hives")).isTrue();
        assertThat(hives.accepts("个")).isFalse();
        assertThat(Unit.of("x", "").zh()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"人", "名", "元", "个", "项", "家", "户", "场", "件", "人次", "只", "亩", "%", "天", "元/人", "人/天", "每人",
            "美元", "CNY", "万元"})
    void unitWords(String word) {
        assertThat(Unit.isUnitWord(word)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "人民", "个人们", "w", "/", "元/", "/人", "余"})
    void notUnitWords(String word) {
        assertThat(Unit.isUnitWord(word)).isFalse();
    }

    @Test
    void equality() {
        assertThat(Unit.of("CNY", "元")).isEqualTo(Unit.of("CNY", "元", List.of("元")));
        assertThat(Unit.of("CNY", "元")).isNotEqualTo(Unit.of("persons", "人"));
        assertThat(Unit.of("CNY", "元").toString()).isEqualTo("元 (CNY)");
    }
}
