using Schedly.Core.Validation;

namespace Schedly.Core.Scheduling;

/// <summary>One entry of an event type's <c>durationOptions</c> as a client sent it: <c>{ minutes, price? }</c>.</summary>
public sealed record DurationOptionDraft(int? Minutes, PriceDraft? Price)
{
    internal DurationOption? Validate(string field, ValidationErrors errors)
    {
        var price = Price?.Validate(field + ".price", errors);
        if (Minutes is not { } minutes || minutes < 1 || minutes > 1440)
        {
            errors.Add(field + ".minutes", "Required: a whole number of minutes between 1 and 1440.");
            return null;
        }

        return new DurationOption(NodaTime.Duration.FromMinutes(minutes), price);
    }
}
