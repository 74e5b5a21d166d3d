package trade.caravan.catalog.transfer;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something wrong with an import file: the physical line it starts on (1 is the header; 0 for the
 * file as a whole), the column as the file names it (none for a whole row or file), and the reason
 * as a message code with its arguments, translated when shown.
 */
record ImportProblem(long line, @Nullable String column, String code, List<String> arguments) {

    ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(long line, @Nullable String column, String code, Object... arguments) {
        return new ImportProblem(line, column, code, Arrays.stream(arguments).map(String::valueOf).toList());
    }

    public Object[] messageArguments() {
        return arguments.toArray();
    }
}
