package org.stancekit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.Mention;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.model.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a row's actor is named when the row gives only demonym words, or the actor is not in the lexicon. */
class TrainingCsvNamesTest {
    @TempDir
    Path dir;

    private LabelledData read(String csv) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, csv);
        return new TrainingCsv(Columns.defaults(), new MentionMatcher(ActorLexicon.loadDefault()), null, s -> { })
                .read(f, EnumSet.of(Task.STANCE));
    }

    @Test
    void givenDemonymWordsWidenToTheLexiconMentionUsedWhenScoring() throws Exception {
        LabelledData d = read("text,actor,mention,stance\n"
                + "\"The Chinese foreign ministry rejected the report as slander.\",China,Chinese,neutral\n");
        List<Mention> t = d.stance().get(0).query().targets();
        assertEquals(1, t.size());
        assertEquals("Chinese foreign ministry", t.get(0).text());
    }

    @Test
    void anActorOutsideTheLexiconIsATargetTheTextDoesNotName() throws Exception {
        LabelledData d = read("text,actor,stance\n"
                + "\"Trump promised another rally in Ohio next week.\",Donald Trump,neutral\n"
                + "\"Nobody expected the debate to run this long.\",Donald Trump,neutral\n");
        var q = d.stance().get(0).query();
        assertTrue(q.targets().isEmpty(), "topic stance: measured better than marking the surname");
        assertTrue(q.others().stream().anyMatch(m -> m.text().equals("Trump")), q.others().toString());
        assertTrue(d.stance().get(1).query().targets().isEmpty());
    }

    @Test
    void aGroupColumnKeepsTheSentencesOfOneArticleTogether() throws Exception {
        LabelledData d = read("text,actor,stance,group\n"
                + "\"Officials in Kenya welcomed the loan.\",Kenya,favor,article-7\n"
                + "\"Critics in Kenya called the loan a trap.\",Kenya,against,article-7\n"
                + "\"Kenya signed the treaty on Monday.\",Kenya,neutral,\n");
        assertEquals(d.stance().get(0).group(), d.stance().get(1).group());
        assertEquals("Kenya signed the treaty on Monday.", d.stance().get(2).group(), "by default the sentence");
    }
}
