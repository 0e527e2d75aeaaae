using System.Globalization;
using System.Net;
using System.Text;
using Npgsql;

namespace KentMedwayCommissioning.Web.Pages.Decisions;

/// <summary>
/// The benchmark's yardstick, <c>/bench/baseline</c>: the register's newest 25 decisions read with raw Npgsql and written
/// as HTML with a string builder, with no EF Core, Razor, mediator or cache in the way. scripts/bench.sh reports the
/// register's throughput as a ratio to it, measured in the same run. It exists only when the configuration switches it
/// on (<c>Benchmark__Baseline=true</c>, set by bench.sh); no deployment maps it.
/// </summary>
public static class RegisterBaseline
{
    public const string Switch = "Benchmark:Baseline";
    public const string Path = "/bench/baseline";

    private const string Sql = "SELECT sequence, body_name, item_title, outcome, meeting_date FROM published_decisions ORDER BY sequence DESC LIMIT 25";

    public static void MapRegisterBaseline(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Switch))
        {
            return;
        }

        var dataSource = NpgsqlDataSource.Create(app.Configuration.GetConnectionString("Default")!);
        app.Lifetime.ApplicationStopped.Register(dataSource.Dispose);
        app.MapGet(Path, async (HttpContext http, CancellationToken cancellationToken) =>
        {
            var html = new StringBuilder(8192);
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Register of decisions</title></head><body><h1>Register of decisions</h1><ul>");
            await using (var command = dataSource.CreateCommand(Sql))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var sequence = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
                    html.Append("<li><a href=\"/decisions/").Append(sequence).Append("\">")
                        .Append(WebUtility.HtmlEncode(reader.GetString(1))).Append(": ").Append(WebUtility.HtmlEncode(reader.GetString(2)))
                        .Append("</a><br><strong>").Append(WebUtility.HtmlEncode(reader.GetString(3))).Append("</strong>. ")
                        .Append(WebUtility.HtmlEncode(reader.GetString(4))).Append(". Decision ").Append(sequence).Append(".</li>");
                }
            }

            html.Append("</ul></body></html>");
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(html.ToString(), cancellationToken);
        }).AllowAnonymous();
    }
}
