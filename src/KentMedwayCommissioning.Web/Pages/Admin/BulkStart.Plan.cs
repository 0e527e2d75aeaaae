using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Admin;

/// <summary>What one row of the file will do.</summary>
public enum RowAction
{
    AddSeat,
    AddPersonAndSeat,
    AlreadyThere,
    Refused,
}

/// <summary>One row of the file, read, and what it will do (or why it cannot).</summary>
public sealed record PlannedRow(
    int Line,
    string Body,
    string Person,
    MemberRole? Seat,
    MemberBackground? Category,
    bool HasVote,
    DateOnly? From,
    DateOnly? To,
    RowAction Action,
    string? Reason);

/// <summary>The whole file: its rows, or why it could not be read at all.</summary>
public sealed record BulkPlan(IReadOnlyList<PlannedRow> Rows, string? FileProblem)
{
    public int Refused => Rows.Count(row => row.Action == RowAction.Refused);

    public int ToAdd => Rows.Count(row => row.Action is RowAction.AddSeat or RowAction.AddPersonAndSeat);

    public bool CanApply => FileProblem is null && Refused == 0 && ToAdd > 0;
}

/// <summary>
/// Reads a CSV of people and seats (one row per seat: body, person, seat, category, voting, from, and optionally to)
/// with CsvHelper and works out what each row would do against the database and the rows above it, writing nothing.
/// The preview shows this plan; confirming runs it again inside the transaction and applies it, so a row whose seat
/// is already there (the same file uploaded twice) adds nothing.
/// </summary>
public static class BulkStartPlanner
{
    public const int MaxRows = 2000;

    public static readonly string[] Columns = ["body", "person", "seat", "category", "voting", "from", "to"];

    public static async Task<BulkPlan> PlanAsync(AppDbContext db, string csv, CancellationToken cancellationToken)
    {
        var (rows, problem) = Read(csv);
        if (problem is not null)
        {
            return new BulkPlan([], problem);
        }

        var readable = rows.Where(row => row.Reason is null).ToList();
        var slugs = readable.Select(row => row.Body).Distinct().ToList();
        var bodies = await db.Bodies.AsNoTracking().Where(body => slugs.Contains(body.Slug)).ToDictionaryAsync(body => body.Slug, cancellationToken);
        var personSlugs = readable.Select(row => Slug.From(row.Person)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(person => personSlugs.Contains(person.Slug)).ToDictionaryAsync(person => person.Slug, person => person.Id, cancellationToken);
        var bodyIds = bodies.Values.Select(body => body.Id).ToList();
        var seats = (await db.Memberships.AsNoTracking()
                .Where(membership => bodyIds.Contains(membership.BodyId) && personSlugs.Contains(membership.Person.Slug))
                .Select(membership => new { membership.BodyId, membership.Person.Slug, Period = new SeatRules.Period(membership.Role, membership.HasVote, membership.From, membership.To) })
                .ToListAsync(cancellationToken))
            .GroupBy(seat => (seat.BodyId, seat.Slug))
            .ToDictionary(group => group.Key, group => group.Select(seat => seat.Period).ToList());

        var planned = new List<PlannedRow>();
        foreach (var row in rows)
        {
            if (row.Reason is not null)
            {
                planned.Add(row);
                continue;
            }

            if (!bodies.TryGetValue(row.Body, out var body))
            {
                planned.Add(row with { Action = RowAction.Refused, Reason = $"No body has the address '{row.Body}': use the body's slug, as in /bodies/west-kent-ccg" });
                continue;
            }

            var personSlug = Slug.From(row.Person);
            var held = seats.TryGetValue((body.Id, personSlug), out var existing) ? existing : seats[(body.Id, personSlug)] = [];
            var seat = new SeatRules.Period(row.Seat!.Value, row.HasVote, row.From, row.To);
            if (held.Contains(seat))
            {
                planned.Add(row with { Action = RowAction.AlreadyThere, Reason = "This seat is already there: nothing to do" });
                continue;
            }

            if (row.From is { } from && body.WhyClosedOn(from) is { } closed)
            {
                planned.Add(row with { Action = RowAction.Refused, Reason = closed });
                continue;
            }

            if (SeatRules.WhyNotAdd(seat, held, body.Rule) is { } refusal)
            {
                planned.Add(row with { Action = RowAction.Refused, Reason = refusal.Message });
                continue;
            }

            held.Add(seat);
            var newPerson = !people.ContainsKey(personSlug);
            people.TryAdd(personSlug, 0);
            planned.Add(row with { Action = newPerson ? RowAction.AddPersonAndSeat : RowAction.AddSeat });
        }

        return new BulkPlan(planned, null);
    }

    private static (IReadOnlyList<PlannedRow> Rows, string? Problem) Read(string csv)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = header => header.Header.Trim().ToLowerInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        var rows = new List<PlannedRow>();
        try
        {
            using var reader = new CsvReader(new StringReader(csv), configuration);
            if (!reader.Read() || !reader.ReadHeader())
            {
                return ([], "The file is empty: it needs a header row and one row per seat");
            }

            var header = reader.HeaderRecord!.Select(name => name.Trim().ToLowerInvariant()).ToList();
            var missing = Columns[..6].Where(column => !header.Contains(column)).ToList();
            if (missing.Count > 0)
            {
                return ([], $"The header row lacks {string.Join(", ", missing)}: it needs {string.Join(", ", Columns[..6])} (and may have to)");
            }

            while (reader.Read())
            {
                if (rows.Count == MaxRows)
                {
                    return ([], $"The file has more than {MaxRows:N0} rows: split it");
                }

                rows.Add(ReadRow(reader));
            }
        }
        catch (CsvHelperException unreadable)
        {
            return ([], $"The file could not be read as CSV near line {unreadable.Context?.Parser?.RawRow}: check its quotes and commas");
        }

        return rows.Count == 0 ? ([], "The file has a header row but no seats") : (rows, null);
    }

    private static PlannedRow ReadRow(CsvReader reader)
    {
        string Field(string name) => reader.GetField(name) ?? string.Empty;
        var line = reader.Parser.RawRow;
        var body = Field("body");
        var person = Field("person");
        var seat = ParseSeat(Field("seat"));
        var category = Enum.TryParse<MemberBackground>(Field("category"), ignoreCase: true, out var parsedCategory) && Enum.IsDefined(parsedCategory) ? parsedCategory : (MemberBackground?)null;
        var voting = ParseYesNo(Field("voting"));
        var from = ParseDay(Field("from"));
        var toText = reader.HeaderRecord!.Any(name => name.Trim().Equals("to", StringComparison.OrdinalIgnoreCase)) ? Field("to") : string.Empty;
        var to = ParseDay(toText);

        string? reason =
            body.Length == 0 ? "Give the body's address (its slug)"
            : person.Length == 0 || Slug.From(person).Length == 0 ? "Give the person's name"
            : person.Length > 200 ? "The person's name must be 200 characters or fewer"
            : seat is null ? "Seat must be one of: " + string.Join(", ", Enum.GetValues<MemberRole>().Select(role => role.DisplayName()))
            : category is null ? "Category must be one of: " + string.Join(", ", Enum.GetValues<MemberBackground>().Select(background => background.ToString().ToLowerInvariant()))
            : voting is null ? "Voting must be yes or no"
            : from is null ? "From must be a date, such as 2020-04-01"
            : toText.Length > 0 && to is null ? "To must be a date, such as 2021-03-31, or empty"
            : null;
        return new PlannedRow(line, body, person, seat, category, voting ?? false, from, to, reason is null ? RowAction.AddSeat : RowAction.Refused, reason);
    }

    /// <summary>A seat by its name as the pages show it ("Lay member") or as the code has it ("LayMember").</summary>
    private static MemberRole? ParseSeat(string text)
    {
        var wanted = new string(text.Where(char.IsLetter).ToArray());
        return Enum.GetValues<MemberRole>().Cast<MemberRole?>().FirstOrDefault(role =>
            role!.Value.ToString().Equals(wanted, StringComparison.OrdinalIgnoreCase)
            || new string(role.Value.DisplayName().Where(char.IsLetter).ToArray()).Equals(wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static bool? ParseYesNo(string text) => text.ToLowerInvariant() switch
    {
        "yes" or "y" or "true" => true,
        "no" or "n" or "false" => false,
        _ => null,
    };

    private static DateOnly? ParseDay(string text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
