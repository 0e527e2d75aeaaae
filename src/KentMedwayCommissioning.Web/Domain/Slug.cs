using System.Text;

namespace KentMedwayCommissioning.Web.Domain;

/// <summary>The URL name of a body or person: lower-case words joined by hyphens ("West Kent CCG" becomes "west-kent-ccg").</summary>
public static class Slug
{
    public static string From(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var slug = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var character in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(character));
                pendingHyphen = false;
            }
            else if (character is '\'' or '’' || char.GetUnicodeCategory(character) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // Apostrophes and accents belong to the word around them ("St John's" is "st-johns").
                continue;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return slug.Length > 0 ? slug.ToString() : throw new ArgumentException($"'{name}' has no letters or digits to make a slug from.", nameof(name));
    }
}
