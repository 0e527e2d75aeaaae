using KentMedwayCommissioning.Web.Domain;
using static KentMedwayCommissioning.Web.Domain.AppointmentRules;

namespace KentMedwayCommissioning.UnitTests.Domain;

public sealed class AppointmentRulesTests
{
    private static readonly DateOnly April2020 = new(2020, 4, 1);
    private static readonly DateOnly March2021 = new(2021, 3, 31);

    [Fact]
    public void An_appointment_may_not_end_before_it_starts()
    {
        Assert.Equal("To", WhyNotAppoint(March2021, April2020, [], "Kent and Medway CCG", null)?.Field);
    }

    [Fact]
    public void An_appointment_overlapping_the_person_s_appointment_to_the_post_is_refused()
    {
        var held = new Holding(AppointmentKind.Substantive, April2020, March2021);

        var refusal = WhyNotAppoint(March2021, null, [held], "Kent and Medway CCG", null);

        Assert.Equal("From", refusal?.Field);
        Assert.Contains("1 April 2020 to 31 March 2021", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_appointment_from_the_day_after_the_last_one_ended_is_allowed()
    {
        var held = new Holding(AppointmentKind.Transitional, April2020, March2021);

        Assert.Null(WhyNotAppoint(March2021.AddDays(1), null, [held], "Kent and Medway CCG", null));
    }

    [Fact]
    public void An_appointment_to_a_body_that_has_ended_must_start_and_end_within_its_life()
    {
        var ended = new DateOnly(2020, 3, 31);

        Assert.Equal("From", WhyNotAppoint(April2020, null, [], "West Kent CCG", ended)?.Field);
        Assert.Equal("To", WhyNotAppoint(new DateOnly(2019, 4, 1), null, [], "West Kent CCG", ended)?.Field);
        Assert.Null(WhyNotAppoint(new DateOnly(2019, 4, 1), ended, [], "West Kent CCG", ended));
    }

    [Fact]
    public void An_appointment_may_not_end_before_it_began_nor_be_lengthened()
    {
        var today = new DateOnly(2026, 11, 29);
        var held = new Holding(AppointmentKind.Substantive, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        Assert.StartsWith("The last day cannot be before the appointment began", WhyNotEnd(held, new DateOnly(2025, 12, 31), today)?.Message, StringComparison.Ordinal);
        Assert.StartsWith("This appointment already ends on 31 December 2026", WhyNotEnd(held, new DateOnly(2027, 1, 1), today)?.Message, StringComparison.Ordinal);
        Assert.Null(WhyNotEnd(held, new DateOnly(2026, 6, 30), today));
    }
}
