using System.Text;

namespace KentMedwayCommissioning.Web.Infrastructure;

/// <summary>The CSV every download uses: RFC 4180, CRLF line ends, every field quoted with the quotes inside doubled.</summary>
public static class CsvFile
{
    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header).Append("\r\n");
        foreach (var fields in rows)
        {
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static IResult Result(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows) =>
        Results.Text(Write(header, rows), "text/csv; charset=utf-8", Encoding.UTF8);

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
