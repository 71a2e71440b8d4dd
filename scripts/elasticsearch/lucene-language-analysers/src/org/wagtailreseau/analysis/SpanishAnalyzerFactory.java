package org.wagtailreseau.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer type {@code "spanish"}: Lucene's {@link SpanishAnalyzer} with its default stop words. */
@NamedComponent("spanish")
public final class SpanishAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new SpanishAnalyzer();
    }
}
