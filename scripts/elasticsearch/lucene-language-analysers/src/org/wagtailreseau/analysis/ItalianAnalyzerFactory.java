package org.wagtailreseau.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer type {@code "italian"}: Lucene's {@link ItalianAnalyzer} with its default stop words. */
@NamedComponent("italian")
public final class ItalianAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new ItalianAnalyzer();
    }
}
