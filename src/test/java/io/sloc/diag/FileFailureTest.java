package io.sloc.diag;

import static org.assertj.core.api.Assertions.assertThat;

import io.sloc.testsupport.UserFacingText;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileFailureTest {
    private static final Path FILE = Path.of("out/rules/a.yml");

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new NoSuchFileException("x"), "it does not exist; check the path"),
                Arguments.of(new AccessDeniedException("x"), "permission denied; check the permissions of the file "
                        + "and its directory"),
                Arguments.of(new FileAlreadyExistsException("out/rules"), "out/rules is in the way; move it away or "
                        + "choose another path"),
                Arguments.of(new FileAlreadyExistsException(null), "something else is already there; move it away "
                        + "or choose another path"),
                Arguments.of(new DirectoryNotEmptyException("x"), "the directory is not empty; empty it or choose "
                        + "another path"),
                Arguments.of(new NotDirectoryException("x"), "a part of the path is a file, not a directory; check "
                        + "the path"),
                Arguments.of(new MalformedInputException(1), "it is not valid UTF-8; save it as UTF-8"),
                Arguments.of(os("Is a directory"), "it is a directory; remove or rename that directory"),
                Arguments.of(os("Not a directory"), "a part of the path is a file, not a directory; check the path"),
                Arguments.of(os("File name too long"), "the name is too long for the file system; use a shorter "
                        + "name"),
                Arguments.of(os("Read-only file system"), "the file system is read-only; choose a writable location"),
                Arguments.of(os("No space left on device"), "the disk is full; free some space and try again"),
                Arguments.of(os("Operation not permitted"), "the operating system does not permit it; check the "
                        + "file's permissions and attributes"),
                Arguments.of(os("Too many levels of symbolic links"), "its symbolic links form a loop; fix the links"),
                Arguments.of(os(null), "an input/output error; check the file system and try again"),
                Arguments.of(new IOException("Stale file handle"), "an input/output error; check the file system and "
                        + "try again"));
    }

    private static FileSystemException os(String reason) {
        return new FileSystemException("x", null, reason);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void namesThePathWhatHappenedAndWhatToDo(IOException failure, String explanation) {
        BadInputException bad = FileFailure.of(FILE, "write it", failure);
        assertThat(bad.render()).isEqualTo(FILE + ": cannot write it: " + explanation);
        UserFacingText.assertNoJavaClassNames(bad.render());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void anUnlocatedFailureIsNamedByTheFileTheSystemReported(IOException failure, String explanation) {
        String rendered = FileFailure.of(failure).render();
        assertThat(rendered).endsWith("file operation failed: " + explanation);
        UserFacingText.assertNoJavaClassNames(rendered);
    }
}
