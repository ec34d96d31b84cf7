package io.sloc.golang.filepath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoPathsTest {
    @Test
    void joinAndCleanLikeGo() {
        assertThat(GoPaths.join(GoPaths.dir("unittest.yml"), "rules.yml")).isEqualTo("rules.yml");
        assertThat(GoPaths.join(GoPaths.dir("a/b/t.yml"), "../r.yml")).isEqualTo("a/r.yml");
        assertThat(GoPaths.join(GoPaths.dir("/x/t.yml"), "./r.yml")).isEqualTo("/x/r.yml");
        assertThat(GoPaths.clean("../../a//b/./c/..")).isEqualTo("../../a/b");
    }

    @Test
    void globMatchesSortedNamesInTheDirectory(@TempDir Path dir) throws Exception {
        for (String n : new String[] {"b.rules.yml", "a.rules.yml", "c.txt"}) {
            Files.writeString(dir.resolve("sub-" + n), "");
        }
        assertThat(GoPaths.glob("sub-?.rules.yml", dir)).containsExactly("sub-a.rules.yml", "sub-b.rules.yml");
        assertThat(GoPaths.glob("sub-[^a]*", dir)).containsExactly("sub-b.rules.yml", "sub-c.txt");
        assertThat(GoPaths.glob("missing.yml", dir)).isEmpty();
        assertThatThrownBy(() -> GoPaths.glob("sub-[", dir)).isInstanceOf(GoPaths.BadPatternException.class);
    }
}
