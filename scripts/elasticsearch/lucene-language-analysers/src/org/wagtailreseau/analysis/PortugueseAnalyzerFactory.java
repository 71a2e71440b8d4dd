package org.wagtailreseau.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Analyzer type {@code "portuguese"}: Lucene's {@link PortugueseAnalyzer} with its default stop words. */
@NamedComponent("portuguese")
public final class PortugueseAnalyzerFactory implements AnalyzerFactory {
    @Override
    public Analyzer create() {
        return new PortugueseAnalyzer();
    }
}
