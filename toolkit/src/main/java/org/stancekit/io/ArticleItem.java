package org.stancekit.io;

import org.stancekit.BadInputException;
import org.stancekit.score.Article;

/**
 * One item read from the input: an article, or the error that stopped one from being read (a bad JSONL line, an
 * unreadable file). Exactly one of {@code article} and {@code error} is non-null. {@code source} says where it came
 * from, e.g. {@code "news.jsonl, line 7"}, {@code "notes/a.txt"} or {@code "stdin"}.
 */
public record ArticleItem(Article article, BadInputException error, String source) {
    public ArticleItem {
        if ((article == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of article and error must be given");
        }
        if (source == null) source = article != null ? article.id() : "";
    }

    public ArticleItem(Article article, BadInputException error) {
        this(article, error, null);
    }

    public static ArticleItem of(Article article, String source) {
        return new ArticleItem(article, null, source);
    }

    public static ArticleItem failed(BadInputException error, String source) {
        return new ArticleItem(null, error, source);
    }

    public boolean ok() {
        return article != null;
    }
}
