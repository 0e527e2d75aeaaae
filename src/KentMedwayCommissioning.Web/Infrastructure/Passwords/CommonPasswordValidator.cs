using System.Reflection;
using KentMedwayCommissioning.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace KentMedwayCommissioning.Web.Infrastructure.Passwords;

/// <summary>
/// Refuses passwords that attackers try first (OWASP ASVS 2.1.7): one on the shipped list of common passwords, or
/// one made of a common password padded with digits and symbols ("password2024!") or said twice ("dragondragon").
/// Length is Identity's own rule; there are no composition rules.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static bool IsCommon(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        var stem = lowered.TrimEnd("0123456789!?.,-_#*@$%&+= ".ToCharArray()).TrimStart("0123456789!?.,-_#*@$%&+= ".ToCharArray());
        return Common.Value.Contains(lowered) || (stem.Length > 0 && (Common.Value.Contains(stem) || IsCommonSaidAgain(stem)));
    }

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too easy to guess because many people use it. Choose a different one, such as three or four unrelated words.",
            })
            : IdentityResult.Success);

    private static bool IsCommonSaidAgain(string stem)
    {
        for (var length = 1; length <= stem.Length / 2; length++)
        {
            if (stem.Length % length == 0 && string.Concat(Enumerable.Repeat(stem[..length], stem.Length / length)) == stem)
            {
                return length < 4 || Common.Value.Contains(stem[..length]);
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(typeof(CommonPasswordValidator), "common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line);
        }

        return passwords;
    }
}
