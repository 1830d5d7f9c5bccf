package dev.mlops.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.api.registry.ModelRef;
import dev.mlops.api.registry.ModelRegistry;
import dev.mlops.api.registry.ModelVersion;
import dev.mlops.api.registry.Registration;
import dev.mlops.core.registry.Registries;
import java.io.BufferedWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.transformations.LinearScalingTransformation;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.tribuo.Excuse;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXRef;

class TribuoCodecTest {
  @TempDir static Path dir;
  static Path csv;
  static Path regressionCsv;
  static MutableDataset<Label> classification;
  static Model<Label> classifier;
  static Model<Regressor> regressor;

  @BeforeAll
  static void train() throws Exception {
    Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    csv = dir.resolve("train.csv");
    regressionCsv = dir.resolve("train-regression.csv");
    SplittableRandom r = new SplittableRandom(3);
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
        BufferedWriter v = Files.newBufferedWriter(regressionCsv, StandardCharsets.UTF_8)) {
      w.write("x1,x2,label\n");
      v.write("x1,x2,target\n");
      for (int i = 0; i < 300; i++) {
        double x1 = r.nextGaussian();
        double x2 = r.nextGaussian();
        w.write(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", x1, x2, x1 + x2 > 0 ? "yes" : "no"));
        v.write(String.format(Locale.ROOT, "%.5f,%.5f,%.5f%n", x1, x2, 2 * x1 - x2));
      }
    }
    DataSource<Label> labels = new CSVLoader<>(new LabelFactory()).loadDataSource(csv, Set.of("label"));
    classification = new MutableDataset<>(labels);
    classifier = new LogisticRegressionTrainer().train(classification);
    DataSource<Regressor> targets = new CSVLoader<>(new RegressionFactory()).loadDataSource(regressionCsv,
        Set.of("target"));
    regressor = DummyRegressionTrainer.createMeanTrainer().train(new MutableDataset<>(targets));
  }

  @Test
  void classificationModel_roundTripsWithTheSamePredictions() {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-1"))) {
      ModelVersion v = registry.register("churn", classifier, TribuoCodec.classification(), Registration.none());
      Model<Label> back = registry.load(v.ref(), TribuoCodec.classification());

      assertThat(v.artifact().type()).isEqualTo(TribuoCodec.TYPE_ID);
      assertThat(back.getClass()).isEqualTo(classifier.getClass());
      List<Prediction<Label>> expected = classifier.predict(classification);
      List<Prediction<Label>> actual = back.predict(classification);
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i).getOutput().getLabel()).isEqualTo(expected.get(i).getOutput().getLabel());
        assertThat(actual.get(i).getOutput().getScore()).isEqualTo(expected.get(i).getOutput().getScore());
      }
      assertThat(back.getProvenance()).isEqualTo(classifier.getProvenance());
    }
  }

  @Test
  void registering_recordsProvenanceAsJsonAndTheResourceHashAsLineage() throws Exception {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-2"))) {
      ModelVersion v = registry.register("churn", classifier, TribuoCodec.classification(),
          Registration.builder().tag("team", "risk").build());
      ModelVersion read = registry.get(v.ref());

      String hash = TribuoCodec.classification().trainingData(classifier).orElseThrow();
      assertThat(hash).isNotEmpty();
      assertThat(read.lineage().trainingData()).contains(hash);
      assertThat(read.metadata()).containsEntry(TribuoCodec.OUTPUT_TYPE_KEY, Label.class.getName())
          .containsEntry(TribuoCodec.MODEL_CLASS_KEY, classifier.getClass().getName());
      JsonNode provenance = new ObjectMapper().readTree(read.metadata().get(TribuoCodec.PROVENANCE_KEY));
      assertThat(provenance.isArray()).isTrue();
      assertThat(provenance.toString()).contains("LogisticRegressionTrainer").contains("resource-hash")
          .contains(hash);
    }
  }

  @Test
  void regressionModel_roundTripsAndRefusesToLoadAsClassification() {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-3"))) {
      ModelVersion v = registry.register("price", regressor, TribuoCodec.regression(), Registration.none());
      Model<Regressor> back = registry.load(ModelRef.parse("price/1"), TribuoCodec.regression());
      Example<Regressor> example = classificationlessExample();
      assertThat(back.predict(example).getOutput().getValues())
          .containsExactly(regressor.predict(example).getOutput().getValues());

      assertThatThrownBy(() -> registry.load(v.ref(), TribuoCodec.classification()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("predicts org.tribuo.regression.Regressor, not org.tribuo.classification.Label");
    }
  }

  @Test
  void aModelOfTheWrongOutputType_isRefusedWhenWriting() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Model<Label> mislabelled = (Model) regressor;
    try (ModelRegistry registry = Registries.inMemory()) {
      assertThatThrownBy(() -> registry.register("x", mislabelled, TribuoCodec.classification(), Registration.none()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicts org.tribuo.regression.Regressor");
    }
  }

  @Test
  void bytesNamingADecoderThatUsesJavaSerialization_areRefusedBeforeDecoding() {
    byte[] forged = classifier.serialize().toBuilder()
        .setClassName("org.tribuo.classification.liblinear.LibLinearClassificationModel").build().toByteArray();
    try (ModelRegistry registry = Registries.inMemory()) {
      ModelVersion v = registry.register("evil", TribuoCodec.TYPE_ID, forged, Registration.none());
      assertThatThrownBy(() -> registry.load(v.ref(), TribuoCodec.classification()))
          .isInstanceOf(UncheckedIOException.class)
          .hasRootCauseMessage("refusing to decode Tribuo model class "
              + "org.tribuo.classification.liblinear.LibLinearClassificationModel: it is not allowed by this codec "
              + "(default: org.tribuo.* except decoders that use Java serialization)");

      byte[] outside = ModelProto.newBuilder(classifier.serialize()).setClassName("com.example.Gadget").build()
          .toByteArray();
      ModelVersion w = registry.register("evil", TribuoCodec.TYPE_ID, outside, Registration.none());
      assertThatThrownBy(() -> registry.load(w.ref(), TribuoCodec.classification()))
          .hasRootCauseMessage("refusing to decode Tribuo model class com.example.Gadget: it is not allowed by this "
              + "codec (default: org.tribuo.* except decoders that use Java serialization)");

      ModelVersion junk = registry.register("evil", TribuoCodec.TYPE_ID, new byte[] {1, 2, 3}, Registration.none());
      assertThatThrownBy(() -> registry.load(junk.ref(), TribuoCodec.classification()))
          .isInstanceOf(UncheckedIOException.class).hasMessageContaining("evil/3")
          .hasRootCauseInstanceOf(InvalidProtocolBufferException.class);
    }
  }

  @Test
  void anOnnxExportableModel_storesItsOnnxExportAlongside() throws Exception {
    try (ModelRegistry registry = Registries.open(dir.resolve("reg-onnx"))) {
      ModelVersion v = registry.register("churn", classifier, TribuoCodec.classification(), Registration.none());

      assertThat(classifier).isInstanceOf(ONNXExportable.class);
      assertThat(v.attachments()).containsOnlyKeys(TribuoCodec.ONNX_ATTACHMENT);
      assertThat(v.attachments().get("onnx").type()).isEqualTo("onnx");
      assertThat(v.metadata()).doesNotContainKey(TribuoCodec.ONNX_EXPORT_KEY);
      byte[] bytes = registry.loadAttachment(ModelRef.parse("churn/1"), "onnx");
      assertThat(bytes).hasSize((int) v.attachments().get("onnx").size());

      OnnxMl.ModelProto onnx = OnnxMl.ModelProto.parseFrom(bytes);
      assertThat(onnx.getDomain()).isEqualTo(TribuoCodec.ONNX_DOMAIN);
      assertThat(onnx.getModelVersion()).isEqualTo(TribuoCodec.ONNX_MODEL_VERSION);
      OnnxMl.GraphProto graph = onnx.getGraph();
      assertThat(graph.getInputCount()).isEqualTo(1);
      assertThat(graph.getOutputCount()).isEqualTo(1);
      // one input of [batch, features] and one output of [batch, labels]
      assertThat(graph.getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue())
          .isEqualTo(classifier.getFeatureIDMap().size()).isEqualTo(2);
      assertThat(graph.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue())
          .isEqualTo(classifier.getOutputIDInfo().size()).isEqualTo(2);
      assertThat(bytes).as("the same export Tribuo writes")
          .isEqualTo(((ONNXExportable) classifier).exportONNXModel("dev.mlops", 1).toByteArray());
    }
  }

  @Test
  void aModelThatIsNotOnnxExportable_getsNoOnnxAttachment() {
    TransformTrainer<Label> trainer = new TransformTrainer<>(new LogisticRegressionTrainer(),
        new TransformationMap(List.of(new LinearScalingTransformation(0, 1))));
    Model<Label> transformed = trainer.train(classification);
    assertThat(transformed).isInstanceOf(TransformedModel.class).isNotInstanceOf(ONNXExportable.class);
    try (ModelRegistry registry = Registries.inMemory()) {
      ModelVersion v = registry.register("scaled", transformed, TribuoCodec.classification(), Registration.none());
      assertThat(v.attachments()).isEmpty();
      assertThat(v.metadata()).doesNotContainKey(TribuoCodec.ONNX_EXPORT_KEY);
      assertThatThrownBy(() -> registry.loadAttachment(v.ref(), "onnx"))
          .isInstanceOf(NoSuchElementException.class).hasMessageContaining("it has none");
      assertThat(registry.load(v.ref(), TribuoCodec.classification())).isInstanceOf(TransformedModel.class);
      assertThat(registry.register("price", regressor, TribuoCodec.regression(), Registration.none()).attachments())
          .isEmpty();
    }
  }

  @Test
  void aFailingOnnxExport_registersWithoutItAndRecordsWhy() {
    FailingExportModel failing = new FailingExportModel(classifier);
    try (ModelRegistry registry = Registries.inMemory()) {
      TribuoCodec<Label> codec = TribuoCodec.classification();
      ModelVersion v = registry.register("churn", failing, codec, Registration.none());
      assertThat(failing.exports).as("one export per registration").hasValue(1);
      assertThat(v.attachments()).isEmpty();
      assertThat(v.metadata()).containsEntry(TribuoCodec.ONNX_EXPORT_KEY, "ONNX export of "
          + FailingExportModel.class.getName() + " failed: java.lang.IllegalStateException: no ONNX operator for "
          + "this  model");
      assertThat(registry.load(v.ref(), TribuoCodec.classification()).getClass()).isEqualTo(classifier.getClass());
      assertThat(registry.register("churn", failing, codec, Registration.none()).metadata())
          .containsKey(TribuoCodec.ONNX_EXPORT_KEY);
      assertThat(failing.exports).hasValue(2);
      assertThat(codec.metadata(failing)).as("asked alone, the codec exports again").containsKey("onnx.export");
      assertThat(failing.exports).hasValue(3);
    }
  }

  /** An ONNX-exportable model whose export fails; it stores the wrapped model's bytes. */
  private static final class FailingExportModel extends Model<Label> implements ONNXExportable {
    private static final long serialVersionUID = 1L;
    private final Model<Label> wrapped;
    final AtomicInteger exports = new AtomicInteger();

    FailingExportModel(Model<Label> wrapped) {
      super("failing", wrapped.getProvenance(), wrapped.getFeatureIDMap(), wrapped.getOutputIDInfo(), true);
      this.wrapped = wrapped;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
      return wrapped.predict(example);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
      return wrapped.getTopFeatures(n);
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
      return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
      return this;
    }

    @Override
    public ModelProto serialize() {
      return wrapped.serialize();
    }

    @Override
    public OnnxMl.ModelProto exportONNXModel(String domain, long modelVersion) {
      exports.incrementAndGet();
      throw new IllegalStateException("no ONNX operator for this\u0001 model");
    }

    @Override
    public ONNXNode writeONNXGraph(ONNXRef<?> input) {
      throw new IllegalStateException("no ONNX operator for this model");
    }
  }

  private static Example<Regressor> classificationlessExample() {
    return new MutableDataset<>(new CSVLoaderSource()).getExample(0);
  }

  /** The first rows of the training file as a regression source. */
  private static final class CSVLoaderSource implements DataSource<Regressor> {
    private final DataSource<Regressor> delegate;

    CSVLoaderSource() {
      try {
        delegate = new CSVLoader<>(new RegressionFactory()).loadDataSource(regressionCsv, Set.of("target"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public OutputFactory<Regressor> getOutputFactory() {
      return delegate.getOutputFactory();
    }

    @Override
    public DataSourceProvenance getProvenance() {
      return delegate.getProvenance();
    }

    @Override
    public Iterator<Example<Regressor>> iterator() {
      return delegate.iterator();
    }
  }
}
