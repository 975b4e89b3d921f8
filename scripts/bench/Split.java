// A deterministic, seeded, stratified split of a labelled CSV into two CSVs (used by scripts/benchmark-accuracy).
//
//   java -cp toolkit/target/stancekit-cli.jar scripts/bench/Split.java IN.csv FIRST.csv SECOND.csv \
//        FRACTION SEED COLUMN[,COLUMN...]
//
// Rows are grouped by the values of the given columns (e.g. actor,stance); the groups are taken in sorted order and
// each group's rows, in file order, are shuffled with one java.util.Random(SEED) (Collections.shuffle's algorithm is
// specified by the JDK, so the split is the same on every machine and Java version). The first round(FRACTION * size)
// rows of each group go to FIRST.csv, the rest to SECOND.csv; both keep the input's header and row order. Prints one
// line per group to stderr.
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

public class Split {
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: Split IN.csv FIRST.csv SECOND.csv FRACTION SEED COLUMN[,COLUMN...]");
            System.exit(2);
        }
        Path in = Path.of(args[0]), first = Path.of(args[1]), second = Path.of(args[2]);
        double fraction = Double.parseDouble(args[3]);
        long seed = Long.parseLong(args[4]);
        List<String> by = List.of(args[5].split(","));

        CSVFormat read = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<CSVRecord> rows;
        List<String> header;
        try (CSVParser p = CSVParser.builder().setPath(in).setCharset(StandardCharsets.UTF_8).setFormat(read).get()) {
            header = p.getHeaderNames();
            for (String c : by) {
                if (!header.contains(c)) throw new IllegalArgumentException(in + ": no column '" + c + "'");
            }
            rows = p.getRecords();
        }
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder key = new StringBuilder();
            for (String c : by) key.append(rows.get(i).get(c)).append('\u0001');
            groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        Set<Integer> toFirst = new HashSet<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> idx = new ArrayList<>(g.getValue());
            Collections.shuffle(idx, random);
            int k = (int) Math.round(fraction * idx.size());
            toFirst.addAll(idx.subList(0, k));
            System.err.printf("  %-50s %5d -> %5d + %5d%n", g.getKey().replace('\u0001', ' ').strip(), idx.size(), k,
                    idx.size() - k);
        }
        CSVFormat write = CSVFormat.RFC4180;
        try (Writer w1 = Files.newBufferedWriter(first, StandardCharsets.UTF_8);
             Writer w2 = Files.newBufferedWriter(second, StandardCharsets.UTF_8);
             CSVPrinter p1 = new CSVPrinter(w1, write);
             CSVPrinter p2 = new CSVPrinter(w2, write)) {
            p1.printRecord(header);
            p2.printRecord(header);
            for (int i = 0; i < rows.size(); i++) (toFirst.contains(i) ? p1 : p2).printRecord(rows.get(i).toList());
        }
        System.err.printf("  %s: %d rows -> %s (%d) + %s (%d)%n", in.getFileName(), rows.size(), first.getFileName(),
                toFirst.size(), second.getFileName(), rows.size() - toFirst.size());
    }
}
