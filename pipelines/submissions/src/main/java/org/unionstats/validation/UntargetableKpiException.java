package org.unionstats.validation;

import org.unionstats.values.ValueFormatException;

/** A KPI of the catalogue named in a target although it takes none ({@code KPI_NOT_TARGETABLE}, not unknown). */
final class UntargetableKpiException extends ValueFormatException {

    private static final long serialVersionUID = 1L;

    UntargetableKpiException(String messageZh, String messageEn) {
        super(messageZh, messageEn);
    }
}
