package org.unionstats.samples;

/**
 * An enumeration value in a generated row, by its English code; the writer spells it as the catalogue's Chinese
 * label or as the code, depending on the file's style.
 */
record Label(String code) {
    @Override
    public String toString() {
        return code;
    }
}
