using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Register;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class MeetingDateTests
{
    // 23:30 UTC on 31 May 2018 is already 1 June in Kent (BST).
    private static readonly DateTimeOffset LateInMay = new(2018, 5, 31, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MeetingDatePrecision.Year, "2018")]
    [InlineData(MeetingDatePrecision.Month, "2018-06")]
    [InlineData(MeetingDatePrecision.Day, "2018-06-01")]
    [InlineData(MeetingDatePrecision.Time, "2018-05-31T23:30:00Z")]
    public void Iso_8601_says_no_more_than_the_precision_known_and_the_day_is_kent_s(MeetingDatePrecision precision, string iso)
    {
        Assert.Equal(iso, MeetingDate.Iso(LateInMay, precision));
        Assert.Equal(precision, MeetingDate.PrecisionOf(iso));
    }

    [Theory]
    [InlineData(MeetingDatePrecision.Year, "2018")]
    [InlineData(MeetingDatePrecision.Month, "June 2018")]
    [InlineData(MeetingDatePrecision.Day, "Friday 1 June 2018")]
    [InlineData(MeetingDatePrecision.Time, "Friday 1 June 2018 at 12:30am")]
    public void A_published_entry_words_the_date_as_precisely_as_it_is_known(MeetingDatePrecision precision, string words) =>
        Assert.Equal(words, PublishedDecision.MeetingDateOf(LateInMay, precision));
}
