package org.wagtailreseau.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer type {@code "dutch"}: Lucene's {@link DutchAnalyzer} with its default stop words. */
@NamedComponent("dutch")
public final class DutchAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new DutchAnalyzer();
    }
}
