using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KentMedwayCommissioning.Web.Data.DemoData;
using KentMedwayCommissioning.Web.Domain;
using Microsoft.AspNetCore.Routing.Patterns;

namespace KentMedwayCommissioning.IntegrationTests.Security;

/// <summary>What a hostile request must get back, beyond "no 5xx, no script echoed unescaped".</summary>
public enum Refusal
{
    /// <summary>A 4xx; or the page again with an error summary; or sent to sign in or to the access-denied page.</summary>
    Refused,

    /// <summary>A broken or missing antiforgery token: 400 (or sign-in first, for a page that needs it).</summary>
    BadToken,

    /// <summary>A read: anything but a server error.</summary>
    Answered,
}

public sealed record HostileRequest(string Family, Principal As, string Method, string Url, string? EncodedForm, Refusal Expect, bool WithAntiforgeryCookie = true)
{
    public override string ToString() => $"[{Family}] {Method} {Truncate(Url)} as {As}{(EncodedForm is null ? string.Empty : $" form {Truncate(EncodedForm)}")}";

    private static string Truncate(string text) => text.Length <= 160 ? text : $"{text[..160]}... ({text.Length} chars)";
}

/// <summary>A hostile value: how it goes on the wire (already percent-encoded), and what it is.</summary>
public sealed record Payload(string Label, string Encoded)
{
    public static Payload Of(string label, string value) => new(label, Uri.EscapeDataString(value));
}

/// <summary>One form found on a page: where it posts, who saw it, and its fields with a plausible value each.</summary>
public sealed record FoundForm(Principal Owner, string Method, string Action, IReadOnlyList<(string Name, string Default)> Fields)
{
    /// <summary>One form per address: the first principal to see it posts it (the administrator, whose hostile values no rule accepts).</summary>
    public string Key => $"{Method} {Action}";
}

/// <summary>
/// Generates the hostile requests: every field of every form the pages show, every query parameter of the API (from its
/// OpenAPI document) and every route parameter, each given every hostile value; every form posted with a broken token;
/// and commands aimed at another body's meetings, decisions and registers, and votes on closed items.
/// </summary>
/// <remarks>
/// None of them should succeed, so none may write. A form post with a valid token sets exactly one field and leaves the
/// rest out, and every form with a single field is one whose hostile values no validator accepts; the full forms go only
/// with a broken token, or to a body the sender has no say in.
/// </remarks>
public static class HostileRequests
{
    public const string Script = "<script>alert(1)</script>";
    public const string ImageOnError = "\"><img src=x onerror=alert(1)>";

    /// <summary>The fragments that must never come back unescaped in a page.</summary>
    public static IReadOnlyList<string> Dangerous { get; } = [Script, "<img src=x onerror=alert(1)>"];

    public static IReadOnlyList<Payload> Payloads { get; } =
    [
        Payload.Of("10k letters", new string('A', 10_001)),
        Payload.Of("20k multi-byte", string.Concat(Enumerable.Repeat("\u00e9\U0001F3E5", 7_000))),
        Payload.Of("script", Script),
        Payload.Of("attribute break-out", ImageOnError),
        Payload.Of("SQL tautology", "' OR 1=1 --"),
        Payload.Of("SQL drop", "'; DROP TABLE bodies; --"),
        Payload.Of("null byte", "abc\0def"),
        Payload.Of("right-to-left override and zero-width", "\u202Eevil\u202C\u200B\u200D\uFEFF"),
        new("invalid UTF-8", "%FF%FE%ED%A0%80"),
        Payload.Of("CRLF header", "x\r\nSet-Cookie: kmc=1"),
        Payload.Of("letters for a number", "not-a-number"),
        Payload.Of("negative", "-1"),
        Payload.Of("past int range", "2147483648"),
        Payload.Of("huge number", "99999999999999999999999999999999"),
        Payload.Of("overflowing exponent", "1e309"),
        Payload.Of("impossible date", "2026-02-30"),
        Payload.Of("nonsense date", "9999-99-99T99:99"),
        Payload.Of("path traversal", "../../../../etc/passwd"),
    ];

    private static readonly HtmlParser Parser = new();

    public static async Task<IReadOnlyList<HostileRequest>> GenerateAsync(IReadOnlyList<AppEndpoint> endpoints, IReadOnlyDictionary<Principal, Session> sessions, DemoAddresses demo)
    {
        var forms = await FindFormsAsync(endpoints, sessions, demo);
        var requests = new List<HostileRequest>();
        foreach (var form in forms)
        {
            requests.AddRange(form.Method == "post" ? FormPosts(form, sessions) : FormQueries(form));
        }

        requests.AddRange(RouteParameters(endpoints, demo));
        requests.AddRange(await ApiParametersAsync(sessions[Principal.Anonymous], demo));
        requests.AddRange(AcrossBodies(sessions, demo));
        return requests;
    }

    /// <summary>Each page as the administrator (who sees the secretary's and programme office's forms), a member (the vote) and a visitor.</summary>
    public static async Task<IReadOnlyList<FoundForm>> FindFormsAsync(IReadOnlyList<AppEndpoint> endpoints, IReadOnlyDictionary<Principal, Session> sessions, DemoAddresses demo)
    {
        var pages = endpoints.Where(endpoint => endpoint is { IsPage: true, Method: "GET", Handler: null }).Select(endpoint => demo.For(endpoint.Pattern))
            .Concat([$"/meetings/{demo.PlannedMeeting}", $"/meetings/{demo.PlannedMeeting}/items/1", $"/meetings/{demo.MeetingInProgress}/items/2"])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var found = new Dictionary<string, FoundForm>(StringComparer.Ordinal);
        foreach (var owner in new[] { Principal.Administrator, Principal.Member, Principal.Anonymous })
        {
            foreach (var page in pages)
            {
                using var response = await sessions[owner].SendAsync(sessions[owner].Get(page));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                foreach (var form in document.QuerySelectorAll("form").SelectMany(element => Read(element, owner, page)))
                {
                    found.TryAdd(form.Key, form);
                }
            }
        }

        // Forms that show only part way through a journey: the code after a password, new recovery codes once two
        // factors are on, unlocking once an account is locked, recording an offer once it has been checked, choosing a
        // password from a one-time link, making public an item considered in private, confirming the close of a vote few
        // members have voted on.
        FoundForm[] midJourney =
        [
            new(Principal.Anonymous, "post", "/account/sign-in/code", [("Input.Code", "Hostile check")]),
            new(Principal.Anonymous, "post", "/account/sign-in/code?handler=Recovery", [("Recovery.Code", "Hostile check")]),
            new(Principal.Anonymous, "post", "/account/set-password", [("Token", "Hostile check"), ("Input.Password", "Hostile check")]),
            new(Principal.Administrator, "post", "/account/two-factor?handler=NewRecoveryCodes", []),
            new(Principal.Administrator, "post", $"/admin/accounts/{demo.AccountId}?handler=Unlock", []),
            new(Principal.Administrator, "post", $"/admin/accounts/{demo.AccountId}?handler=Resend", []),
            new(Principal.Administrator, "post", "/admin/bulk-start?handler=Confirm", [("Csv", "Hostile check")]),
            // Ending a body shows only for a body that has not ended; the description form only to its secretary.
            new(Principal.Administrator, "post", $"/bodies/{DemoAddresses.BodySlug}/change?handler=End", [("Ending.LastDay", "2030-01-01"), ("Ending.Reason", "Hostile check")]),
            new(Principal.Secretary, "post", $"/bodies/{DemoAddresses.BodySlug}/change?handler=Description", [("Describing.Description", "Hostile check"), ("Describing.EffectiveOn", "2026-01-01"), ("Describing.Reason", "Hostile check")]),
            // A joint committee's member and delegation forms show only on a joint committee's page (the demo's body is a CCG).
            new(Principal.Administrator, "post", "/bodies/joint-committee-of-clinical-commissioning-groups/members", [("Adding.MemberSlug", "Hostile check"), ("Adding.From", "2030-01-01"), ("Adding.Reason", "Hostile check")]),
            new(Principal.Administrator, "post", "/bodies/joint-committee-of-clinical-commissioning-groups/members?handler=End", [("Ending.MembershipId", "Hostile check"), ("Ending.LastDay", "2030-01-01"), ("Ending.Reason", "Hostile check")]),
            new(Principal.Administrator, "post", "/bodies/joint-committee-of-clinical-commissioning-groups/delegations",
                [("Recording.MemberSlug", "Hostile check"), ("Recording.FunctionId", "1"), ("Recording.From", "2030-01-01"), ("Recording.DecisionSequence", "1"), ("Recording.Reason", "Hostile check")]),
            new(Principal.Administrator, "post", "/bodies/joint-committee-of-clinical-commissioning-groups/delegations?handler=End", [("Ending.DelegationId", "Hostile check"), ("Ending.LastDay", "2030-01-01"), ("Ending.Reason", "Hostile check")]),
            new(Principal.Administrator, "post", $"/admin/accounts/{demo.AccountId}?handler=Revoke", []),
            new(Principal.Administrator, "post", $"/meetings/{demo.MeetingInProgress}/items/1?handler=Close", [("confirmed", "true")]),
            new(Principal.Administrator, "post", $"/decisions/{demo.PapersBodyDecision}?handler=MakePublic", [("MadePublic.On", "2026-01-01"), ("MadePublic.Reason", "Hostile check")]),
            // Minutes drafted only once a meeting closes (the in-progress one refuses), approved only once drafted (the
            // closed demo meeting has none); an action's review once the log has actions (there is no action 1).
            new(Principal.Administrator, "post", $"/meetings/{demo.MeetingInProgress}/minutes?handler=Save", [("Notes[1]", "Hostile check")]),
            new(Principal.Administrator, "post", $"/meetings/{demo.ClosedMeeting}/minutes?handler=Approve",
                [("Approval.AtMeetingId", demo.MeetingInProgress.ToString(CultureInfo.InvariantCulture)), ("Approval.Amendments", "Hostile check")]),
            new(Principal.Administrator, "post", $"/bodies/{DemoAddresses.BodySlug}/actions?handler=Review",
                [("Review.ActionId", "1"), ("Review.Status", "Done"), ("Review.NewDueOn", "2030-01-01"), ("Review.Note", "Hostile check")]),
            new(Principal.Administrator, "post", $"/people/{demo.MemberSlug}/interests?handler=RecordOffer",
                [("Offer.Kind", "Hospitality"), ("Offer.Description", "Hostile check"), ("Offer.Giver", "Hostile check"), ("Offer.GiverIsSupplier", "false"),
                 ("Offer.Value", "40"), ("Offer.OfferedOn", "2026-01-01"), ("Offer.Accepted", "true"), ("Offer.SeniorApproval", "Hostile check")]),
            // A consultation's outcome form shows only until its decision is linked; the demo's is linked already.
            new(Principal.Administrator, "post", $"/programme/consultations/{Slug.From(ProgrammeData.StrokeConsultation)}?handler=Outcome", [("Outcome.ProposalSlug", "Hostile check")]),
            // A merger's approval form shows only until the approval is recorded; the demo's is recorded already.
            new(Principal.Administrator, "post", $"/programme/mergers/{Slug.From(ProgrammeData.Merger)}?handler=Approve", [("Approval.On", "2026-01-01")]),
        ];
        foreach (var form in midJourney)
        {
            found.TryAdd(form.Key, form);
        }

        return found.Values.ToList();
    }

    private static IEnumerable<FoundForm> Read(IElement form, Principal owner, string page)
    {
        var method = (form.GetAttribute("method") ?? "get").ToLowerInvariant();
        var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Where(field => field.GetAttribute("name") != "__RequestVerificationToken" && field.GetAttribute("type") is not ("submit" or "button" or "reset" or "image"))
            .GroupBy(field => field.GetAttribute("name")!)
            .Select(group => (group.Key, Default(group.ToList())))
            .ToList();
        var actions = form.QuerySelectorAll("button[formaction], input[formaction]").Select(button => button.GetAttribute("formaction")!).ToList();
        if (actions.Count == 0)
        {
            actions.Add(form.GetAttribute("action") is { Length: > 0 } action ? action : page);
        }

        return actions.Select(action => new FoundForm(owner, method, action, fields));
    }

    /// <summary>What a browser would send untouched: the first radio or option, a checkbox's value, a hidden value; text gets a word.</summary>
    private static string Default(List<IElement> elements)
    {
        var element = elements.FirstOrDefault(candidate => candidate.GetAttribute("type") != "hidden") ?? elements[0];
        return element.LocalName switch
        {
            "select" => element.QuerySelectorAll("option").Select(option => option.GetAttribute("value") ?? option.TextContent).FirstOrDefault(value => value.Length > 0) ?? string.Empty,
            "textarea" => "Hostile check",
            _ => element.GetAttribute("type") switch
            {
                "radio" or "checkbox" or "hidden" => element.GetAttribute("value") ?? "true",
                "date" => "2030-01-01",
                "datetime-local" => "2030-01-01T10:00",
                "number" => "1",
                _ => "Hostile check",
            },
        };
    }

    private static IEnumerable<HostileRequest> FormPosts(FoundForm form, IReadOnlyDictionary<Principal, Session> sessions)
    {
        var session = sessions[form.Owner];
        var token = $"__RequestVerificationToken={Uri.EscapeDataString(session.FormToken)}";

        // One hostile field at a time, the rest left out: validation, model binding or the rules must refuse it.
        foreach (var (name, _) in form.Fields)
        {
            foreach (var payload in Payloads)
            {
                yield return new HostileRequest($"form field {name}: {payload.Label}", form.Owner, "POST", form.Action, $"{Uri.EscapeDataString(name)}={payload.Encoded}&{token}", Refusal.Refused);
            }
        }

        // The whole form, text carrying a script, with the token broken: antiforgery must refuse it before anything runs.
        var whole = string.Join('&', form.Fields.Select(field => $"{Uri.EscapeDataString(field.Name)}={Uri.EscapeDataString(field.Default == "Hostile check" ? Script : field.Default)}"));
        var otherToken = sessions[form.Owner == Principal.Secretary ? Principal.Member : Principal.Secretary].FormToken;
        string With(string tokenPart) => string.Join('&', new[] { whole, tokenPart }.Where(part => part.Length > 0));
        yield return new HostileRequest("no antiforgery token", form.Owner, "POST", form.Action, With(string.Empty), Refusal.BadToken);
        yield return new HostileRequest("forged antiforgery token", form.Owner, "POST", form.Action, With("__RequestVerificationToken=CfDJ8forged" + new string('x', 100)), Refusal.BadToken);
        yield return new HostileRequest("another user's antiforgery token", form.Owner, "POST", form.Action, With($"__RequestVerificationToken={Uri.EscapeDataString(otherToken)}"), Refusal.BadToken);
        yield return new HostileRequest("antiforgery cookie missing", form.Owner, "POST", form.Action, With(token), Refusal.BadToken, WithAntiforgeryCookie: false);
    }

    private static IEnumerable<HostileRequest> FormQueries(FoundForm form) =>
        from field in form.Fields
        from payload in Payloads
        select new HostileRequest($"search field {field.Name}: {payload.Label}", form.Owner, "GET", $"{form.Action}{(form.Action.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Uri.EscapeDataString(field.Name)}={payload.Encoded}", null, Refusal.Answered);

    /// <summary>Every parameter of every GET route (pages and API), one at a time, as a path segment.</summary>
    private static IEnumerable<HostileRequest> RouteParameters(IReadOnlyList<AppEndpoint> endpoints, DemoAddresses demo)
    {
        foreach (var endpoint in endpoints.Where(endpoint => endpoint.Method is "GET" or "*" && endpoint.Handler is null))
        {
            var pattern = RoutePatternFactory.Parse(endpoint.Pattern);
            foreach (var parameter in pattern.Parameters.Where(parameter => !parameter.IsCatchAll))
            {
                // Not a null byte: the in-memory test server refuses such a path before the app sees it (Kestrel answers 400).
                foreach (var payload in Payloads.Where(payload => payload.Encoded.Length < 4_000 && !payload.Encoded.Contains("%00", StringComparison.Ordinal)))
                {
                    yield return new HostileRequest($"route {{{parameter.Name}}}: {payload.Label}", Principal.Administrator, "GET", Substitute(endpoint.Pattern, parameter.Name, payload.Encoded, demo), null, Refusal.Answered);
                }
            }
        }
    }

    private static string Substitute(string pattern, string parameter, string encoded, DemoAddresses demo)
    {
        const string marker = "HOSTILEPARAMETER";
        var parsed = RoutePatternFactory.Parse(pattern);
        var rewritten = "/" + string.Join('/', parsed.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart named when named.Name == parameter => marker,
            RoutePatternParameterPart named => "{" + named.Name + "}",
            _ => string.Empty,
        }))));
        return demo.For(rewritten.Replace(marker, "hostileparameter", StringComparison.Ordinal)).Replace("hostileparameter", encoded, StringComparison.Ordinal);
    }

    /// <summary>The API's query parameters, as its OpenAPI document describes them.</summary>
    private static async Task<IEnumerable<HostileRequest>> ApiParametersAsync(Session visitor, DemoAddresses demo)
    {
        using var response = await visitor.SendAsync(visitor.Get("/openapi/v1.json"));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var requests = new List<HostileRequest>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            var address = demo.For(path.Name);
            foreach (var parameter in parameters.EnumerateArray().Where(parameter => parameter.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                requests.AddRange(Payloads.Select(payload => new HostileRequest($"API ?{name}: {payload.Label}", Principal.Anonymous, "GET", $"{address}?{Uri.EscapeDataString(name)}={payload.Encoded}", null, Refusal.Answered)));
            }
        }

        return requests;
    }

    /// <summary>Ids of other bodies' meetings, items, decisions and people, with forms that would otherwise be accepted; and votes on closed items.</summary>
    private static IEnumerable<HostileRequest> AcrossBodies(IReadOnlyDictionary<Principal, Session> sessions, DemoAddresses demo)
    {
        var otherMeeting = $"/meetings/{demo.OtherBodyClosedMeeting}";
        var otherItem = $"{otherMeeting}/items/1";
        var other = demo.OtherBodyPersonId.ToString(CultureInfo.InvariantCulture);
        var medway = Slug.From(PapersData.MedwayCcg);

        HostileRequest Post(Principal principal, string url, string form) =>
            new($"across bodies or closed: {url}", principal, "POST", url, $"{form}{(form.Length > 0 ? "&" : string.Empty)}__RequestVerificationToken={Uri.EscapeDataString(sessions[principal].FormToken)}", Refusal.Refused);

        return
        [
            Post(Principal.Secretary, $"{otherMeeting}?handler=Start", string.Empty),
            Post(Principal.Secretary, $"{otherMeeting}?handler=Close", string.Empty),
            Post(Principal.Secretary, $"{otherMeeting}?handler=Publish", string.Empty),
            Post(Principal.Secretary, $"{otherMeeting}?handler=AddItem", "Item.Title=Slipped+in&Item.Kind=ForNoting&Item.Part=Public"),
            Post(Principal.Secretary, $"{otherMeeting}?handler=Roll", $"Roll%5B0%5D.PersonId={other}&Roll%5B0%5D.Status=Present"),
            Post(Principal.Secretary, $"{otherMeeting}?handler=Departure", $"personId={other}"),
            Post(Principal.Secretary, $"{otherItem}?handler=Open", string.Empty),
            Post(Principal.Secretary, $"{otherItem}?handler=Close", string.Empty),
            Post(Principal.Secretary, $"{otherItem}?handler=Casting", "choice=For"),
            Post(Principal.Secretary, $"{otherItem}?handler=ShowOfHands", $"Hands%5B0%5D.PersonId={other}&Hands%5B0%5D.Choice=For"),
            Post(Principal.Member, $"/meetings/{demo.MeetingInProgress}/items/1?handler=ShowOfHands", $"Hands%5B0%5D.PersonId={demo.NurseMemberPersonId}&Hands%5B0%5D.Choice=For"),
            Post(Principal.Member, $"/meetings/{demo.ClosedMeeting}/items/1?handler=Declare", "Declaration.Interest=Slipped+in"),
            Post(Principal.Secretary, $"{otherItem}?handler=Outcome", "Recorded.Outcome=Deferred&Recorded.Reason=Slipped+in"),
            Post(Principal.Secretary, $"{otherItem}?handler=Declare", $"Declaration.PersonId={other}&Declaration.Interest=Slipped+in"),
            Post(Principal.Secretary, $"/decisions/{demo.OtherBodyDecision}", "Correction.Outcome=Declined&Correction.Explanation=Slipped+in&Correction.Reason=Slipped+in"),
            Post(Principal.Secretary, $"/ballots/{demo.BallotSlug}", $"Input.BodySlug={medway}&Input.PracticeName=Slipped+in&Input.Answer=Support"),
            Post(Principal.Secretary, $"/bodies/{medway}/meetings", "Schedule.Title=Slipped+in&Schedule.StartsAt=2030-01-01T10%3A00&Schedule.Place=Nowhere"),
            // The demo ballot is recorded from the papers for eight CCGs: no secretary closes it, so no page shows its close form.
            Post(Principal.Secretary, $"/ballots/{demo.BallotSlug}?handler=Close", string.Empty),
            Post(Principal.Secretary, "/proposals/new", $"Input.Title=Slipped+in&Input.Question=Agree&Input.Sendings%5B0%5D.BodySlug={Slug.From(PapersData.Jcccg)}&Input.Sendings%5B0%5D.MeetingId={demo.PlannedMeeting}"),
            Post(Principal.Secretary, $"/bodies/{medway}/seats", $"Input.PersonSlug={demo.OtherBodyPersonSlug}&Input.Role=LayMember&Input.Background=Lay&Input.HasVote=true&Input.From=2030-01-01"),
            Post(Principal.Secretary, $"/people/{demo.OtherBodyPersonSlug}/interests?handler=Add", "Input.Kind=Financial&Input.Description=Slipped+in"),
            Post(Principal.Member, $"/people/{demo.OtherBodyPersonSlug}/interests?handler=Add", "Input.Kind=Financial&Input.Description=Slipped+in"),
            Post(Principal.Member, $"{otherItem}?handler=Vote", "choice=For"),
            Post(Principal.Member, $"{otherItem}?handler=Declare", "Declaration.Interest=Slipped+in"),
            Post(Principal.Member, $"/meetings/{demo.ClosedMeeting}/items/1?handler=Vote", "choice=For"),
            Post(Principal.Member, $"/meetings/{demo.PlannedMeeting}/items/1?handler=Vote", "choice=Against"),
            Post(Principal.OtherBodyMember, $"/meetings/{demo.MeetingInProgress}/items/1?handler=Vote", "choice=For"),
            Post(Principal.NonVotingMember, $"/meetings/{demo.MeetingInProgress}/items/1?handler=Vote", "choice=For"),
            Post(Principal.ProgrammeOffice, $"/meetings/{demo.MeetingInProgress}/items/1?handler=Vote", "choice=For"),
            Post(Principal.Secretary, $"/meetings/{demo.MeetingInProgress}/items/1?handler=Vote", "choice=For"),
            Post(Principal.Member, $"/meetings/{demo.MeetingInProgress}/items/2?handler=Vote", "choice=For"),
        ];
    }
}
