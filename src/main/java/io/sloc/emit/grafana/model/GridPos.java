package io.sloc.emit.grafana.model;

/** Position in Grafana's 24-column grid; {@code h} is in grid rows of 30 px. */
public record GridPos(int h, int w, int x, int y) {
    public static final int COLUMNS = 24;

    public GridPos {
        if (w < 1 || w > COLUMNS || h < 1 || x < 0 || y < 0 || x + w > COLUMNS) {
            throw new IllegalArgumentException(
                    "panel outside the 24-column grid: h=" + h + " w=" + w + " x=" + x + " y=" + y);
        }
    }

    public int right() {
        return x + w;
    }

    public int bottom() {
        return y + h;
    }

    public boolean overlaps(GridPos other) {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }
}
