package dev.ownership.bot.digest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Draws the digest's small trend chart: the share of blockers with a next step, week by week, as a PNG. */
public final class TrendChart {
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 280;

    static {
        // Draw without a display, on servers and in containers.
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {}

    /** The PNG bytes of the chart for {@code weeks} (oldest first). */
    public static byte[] png(List<Digest.WeekFigures> weeks) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Digest.WeekFigures week : weeks) {
            data.addValue(
                    Math.round(week.proposalShare() * 100),
                    "with a next step",
                    week.weekStart().format(WEEK));
        }
        JFreeChart chart = ChartFactory.createLineChart(
                "Blockers with a next step (%)", "week of", null, data, PlotOrientation.VERTICAL, false, false, false);
        style(chart);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("Drawing the trend chart failed", e);
        }
        return out.toByteArray();
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setRange(0, 100);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(0x2E, 0xB6, 0x7D));
        renderer.setSeriesStroke(0, new BasicStroke(3f));
        renderer.setDefaultShapesVisible(true);
    }
}
