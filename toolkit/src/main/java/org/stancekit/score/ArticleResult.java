package org.stancekit.score;

import java.util.List;

/** The scored article: the article it came from and its sentences in order. */
public record ArticleResult(Article article, List<SentenceResult> sentences) {
    public ArticleResult {
        sentences = List.copyOf(sentences);
    }

    public String id() {
        return article.id();
    }
}
