using System.Text.Json;
using Schedly.Core.Questions;

namespace Schedly.Functions.Bookings;

/// <summary>Maps the JSON values of <c>answers</c> onto <see cref="AnswerInput"/>: strings, numbers, booleans, arrays of strings; null is no answer.</summary>
public static class AnswerJson
{
    public static Dictionary<string, AnswerInput?>? From(Dictionary<string, JsonElement>? answers) =>
        answers?.ToDictionary(pair => pair.Key, pair => From(pair.Value), StringComparer.Ordinal);

    private static AnswerInput? From(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => new AnswerInput.Text(value.GetString()!),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? new AnswerInput.Number(number) : new AnswerInput.Other(),
        JsonValueKind.True => new AnswerInput.Flag(true),
        JsonValueKind.False => new AnswerInput.Flag(false),
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            new AnswerInput.Choices([.. value.EnumerateArray().Select(e => e.GetString()!)]),
        _ => new AnswerInput.Other(),
    };
}
