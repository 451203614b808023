package org.unionstats.letters.evaluation;

import java.util.List;

/**
 * One documented rule of a letter (docs/letters.md): from a county's facts to the sentences of the evaluation, or to
 * the items of the next quarter's priorities. A rule that does not apply says nothing.
 */
public interface LetterRule {

    List<String> apply(CountyContext county);
}
