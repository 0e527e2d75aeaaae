using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>
/// The CSV every download uses, written by CsvHelper straight to the response row by row (never built whole in memory):
/// RFC 4180, CRLF line ends, every field quoted. A cell that a spreadsheet would run as a formula (one starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return) is prefixed with <c>'</c>, as OWASP advises,
/// since members' own words reach these files.
/// </summary>
public static class CsvFile
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        ShouldQuote = _ => true,
        InjectionOptions = InjectionOptions.Escape,
    };

    public const string ContentType = "text/csv";

    public static IResult Result(IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string>> rows) =>
        Results.Stream(async body =>
        {
            await using var text = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await using var csv = new CsvWriter(text, Configuration);
            await WriteRowAsync(csv, header);
            await foreach (var fields in rows)
            {
                await WriteRowAsync(csv, fields);
            }
        }, ContentType + "; charset=utf-8");

    public static IResult Result(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows) =>
        Result(header, rows.ToAsyncEnumerable());

    private static async Task WriteRowAsync(CsvWriter csv, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        await csv.NextRecordAsync();
    }
}
