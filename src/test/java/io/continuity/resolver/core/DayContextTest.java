package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DayContextTest {

    @Test
    void lengthsInExplanationsKeepTheirSubSecondPart() {
        assertThat(DayContext.length(409)).isEqualTo("0m00.409s");
        assertThat(DayContext.length(2_007)).isEqualTo("0m02.007s");
        assertThat(DayContext.length(125_250)).isEqualTo("2m05.250s");
        assertThat(DayContext.length(30_000)).isEqualTo("0m30s");
        assertThat(DayContext.length(3_723_050)).isEqualTo("1h02m03.050s");
        assertThat(DayContext.length(3_600_000)).isEqualTo("1h00m00s");
    }
}
