namespace OrderGrid.Api.Problems;

/// <summary>Collects shape errors of a request, keyed by field path (<c>lines[2].quantity</c>, <c>shipTo.postalCode</c>).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            messages = [];
            errors[path] = messages;
        }

        messages.Add(message);
    }

    /// <summary>Checks a text field: present (when required), not blank, at most <paramref name="maxLength"/> characters.</summary>
    public void Text(string path, string? value, int maxLength, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(path, "Required.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, required ? "Required: must not be blank." : "Must not be blank; leave it out instead.");
        }
        else if (value.Length > maxLength)
        {
            Add(path, $"At most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl))
        {
            Add(path, "Must not contain control characters.");
        }
    }

    /// <summary>Checks a whole number: present (when required) and within <paramref name="min"/>..<paramref name="max"/>.</summary>
    public void Range(string path, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(path, "Required.");
            }
        }
        else if (value < min || value > max)
        {
            Add(path, $"Must be between {min:N0} and {max:N0}.");
        }
    }

    /// <summary>Parses an optional whole number from a query string value and checks its range.</summary>
    public int? Number(string path, string? value, int min, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            Add(path, $"Must be a whole number between {min:N0} and {max:N0}.");
            return null;
        }

        Range(path, number, min, max);
        return number;
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}