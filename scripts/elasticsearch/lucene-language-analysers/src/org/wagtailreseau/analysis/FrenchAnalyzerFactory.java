package org.wagtailreseau.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer type {@code "french"}: Lucene's {@link FrenchAnalyzer} with its default stop words. */
@NamedComponent("french")
public final class FrenchAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new FrenchAnalyzer();
    }
}
