package io.sloc.golang.yaml;

import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's composer with go-yaml's tags for plain scalars ({@link GoTags}), remembering which scalars had their
 * tag written out ({@code !!int 5}): go-yaml checks those against their text, and SnakeYAML's nodes do not tell them
 * from resolved ones. The mark is the node's Java type, which only SnakeYAML's object construction reads, and sloc
 * binds nodes by hand.
 */
final class ExplicitTagComposer extends Composer {
    private final boolean v3;

    ExplicitTagComposer(Parser parser, LoaderOptions options, boolean v3) {
        super(parser, new Resolver(), options);
        this.v3 = v3;
    }

    static boolean isExplicit(ScalarNode node) {
        return node.getType() == ExplicitTagComposer.class;
    }

    @Override
    protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
        ScalarEvent event = (ScalarEvent) parser.peekEvent();
        String tag = event.getTag();
        Node node = super.composeScalarNode(anchor, blockComments);
        if (tag != null && !tag.equals("!")) {
            node.setType(ExplicitTagComposer.class);
        } else if (event.getImplicit().canOmitTagInPlainScalar()) {
            node.setTag(new Tag(Tag.PREFIX + GoTags.plainTag(event.getValue(), v3).substring(2)));
        }
        return node;
    }
}
