using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Pages.Programme;

namespace KentMedwayCommissioning.UnitTests.Pages;

public sealed class SlippageTests
{
    [Theory]
    [InlineData(0, null, "No slippage")]
    [InlineData(12, null, "12 days later")]
    [InlineData(0, 1, "Overdue by 1 day")]
    [InlineData(0, 2801, "Overdue by 2,801 days")]
    [InlineData(456, 40, "15 months later; overdue by 40 days")]
    public void An_overdue_milestone_never_reads_as_no_slippage(int slippageDays, int? daysOverdue, string expected) =>
        Assert.Equal(expected, Slippage.Describe(slippageDays, daysOverdue));
}

public sealed class TimelineTests
{
    private static IndexModel.MilestoneRow Row(DateOnly baseline, DateOnly forecast) =>
        new(1, "Single CCG live", "Programme director", new ReportedDate(baseline), new ReportedDate(forecast), false, Rag.OnTrack, forecast.DayNumber - baseline.DayNumber, null);

    private static readonly IReadOnlyList<IndexModel.MilestoneRow> Programme2018To2020 =
        [Row(new DateOnly(2018, 4, 1), new DateOnly(2019, 7, 1)), Row(new DateOnly(2020, 4, 1), new DateOnly(2020, 4, 1))];

    [Fact]
    public void The_axis_spans_the_programme_s_years_and_leaves_out_a_today_long_after_them()
    {
        var timeline = Timeline.For(Programme2018To2020, new DateOnly(2026, 11, 29));

        Assert.Equal(["2018", "2019", "2020", "2021"], timeline.Years.Select(year => year.Label));
        Assert.Equal(new DateOnly(2018, 1, 1), timeline.Start);
        Assert.Equal(new DateOnly(2020, 12, 31), timeline.End);
        Assert.Null(timeline.TodayX);
    }

    [Fact]
    public void Today_inside_the_programme_is_drawn_between_its_first_and_last_year()
    {
        var timeline = Timeline.For(Programme2018To2020, new DateOnly(2019, 1, 1));

        Assert.Equal(timeline.Years.Single(year => year.Label == "2019").X, timeline.TodayX);
    }

    [Fact]
    public void A_programme_without_milestones_has_an_axis_of_this_year()
    {
        var timeline = Timeline.For([], new DateOnly(2026, 11, 29));

        Assert.Equal(["2026", "2027"], timeline.Years.Select(year => year.Label));
        Assert.NotNull(timeline.TodayX);
    }
}
