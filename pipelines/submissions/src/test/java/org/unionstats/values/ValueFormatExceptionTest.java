package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueFormatExceptionTest {

    @Test
    void carriesBothMessagesAndReportsTheEnglishOne() {
        ValueFormatException e = new ValueFormatException(
                "无法识别的数字「1.7w」，应为如 17000、1.7万、5000余 的写法",
                "cannot read the number '1.7w'; write it like 17000, 1.7万 or 5000余");

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.messageZh()).isEqualTo("无法识别的数字「1.7w」，应为如 17000、1.7万、5000余 的写法");
        assertThat(e.messageEn()).isEqualTo("cannot read the number '1.7w'; write it like 17000, 1.7万 or 5000余");
        assertThat(e.getMessage()).isEqualTo(e.messageEn());
    }
}
