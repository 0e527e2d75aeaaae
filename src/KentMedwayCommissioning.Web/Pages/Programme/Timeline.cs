using System.Globalization;
using KentMedwayCommissioning.Web.Domain.Programme;

namespace KentMedwayCommissioning.Web.Pages.Programme;

/// <summary>
/// The programme drawn as a server-side SVG: one row per milestone, a hollow mark at its baseline, a filled mark at its
/// forecast joined by a line (the slippage), and today as a vertical line. The table on the page carries the same dates.
/// The axis spans the programme's own years; today is drawn only when it falls inside them (<see cref="TodayX"/> is
/// null otherwise, and the page says so in words), so a programme of past years is not squeezed into a corner.
/// </summary>
public sealed record Timeline(int Width, int Height, IReadOnlyList<Timeline.YearTick> Years, DateOnly Start, DateOnly End, double? TodayX, IReadOnlyList<Timeline.Row> Rows)
{
    public const int LabelWidth = 280;
    public const int RowHeight = 36;
    private const int ChartWidth = 560;
    private const int Top = 28;

    public sealed record YearTick(string Label, double X);

    public sealed record Row(string Title, double Y, double BaselineX, double ForecastX, Rag Rag);

    public static Timeline For(IReadOnlyList<IndexModel.MilestoneRow> milestones, DateOnly today)
    {
        var dates = milestones.SelectMany(milestone => new[] { milestone.Baseline.Date, milestone.Forecast.Date }).DefaultIfEmpty(today).ToList();
        var first = new DateOnly(dates.Min().Year, 1, 1);
        var last = new DateOnly(dates.Max().Year + 1, 1, 1);
        double X(DateOnly date) => LabelWidth + ChartWidth * (date.DayNumber - first.DayNumber) / (double)(last.DayNumber - first.DayNumber);

        var years = Enumerable.Range(first.Year, last.Year - first.Year + 1)
            .Select(year => new YearTick(year.ToString(CultureInfo.InvariantCulture), X(new DateOnly(year, 1, 1))))
            .ToList();
        var rows = milestones
            .Select((milestone, index) => new Row(milestone.Title, Top + (index * RowHeight) + (RowHeight / 2.0), X(milestone.Baseline.Date), X(milestone.Forecast.Date), milestone.Rag))
            .ToList();
        double? todayX = today >= first && today < last ? X(today) : null;
        return new Timeline(LabelWidth + ChartWidth + 20, Top + (milestones.Count * RowHeight) + 10, years, first, last.AddDays(-1), todayX, rows);
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
