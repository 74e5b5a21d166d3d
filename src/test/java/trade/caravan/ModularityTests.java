package trade.caravan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CaravanApplication.class);

    @Test
    void modulesRespectTheirDeclaredBoundaries() {
        MODULES.verify();
    }

    /**
     * Writes the module documentation to {@code docs/modules}. The Documenter lists relations in
     * an order that changes from JVM to JVM; they are sorted here so the files only change when
     * the modules do.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path generated = Path.of("target/modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path docs = Files.createDirectories(Path.of("docs/modules"));
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Files.write(docs.resolve(file.getFileName()), withSortedRelations(Files.readAllLines(file)));
            }
        }
    }

    private static List<String> withSortedRelations(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            if (!relations.isEmpty()) {
                relations.sort(null);
                result.addAll(relations);
                relations.clear();
            }
            result.add(line);
        }
        relations.sort(null);
        result.addAll(relations);
        return result;
    }
}
