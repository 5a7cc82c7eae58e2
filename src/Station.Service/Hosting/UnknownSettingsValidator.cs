using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Station.Service.Hosting;

/// <summary>
/// Refuses a key in an options section that no setting of <typeparamref name="TOptions"/> reads: the binder would
/// ignore a mistyped <c>Pipeline:EncodeAtempts</c> and the station would run on the default without a word.
/// </summary>
public sealed class UnknownSettingsValidator<TOptions>(IConfiguration configuration, string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    private static readonly string[] Settings = [.. typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite || p.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)))
        .Select(p => p.Name)
        .Order(StringComparer.Ordinal)];

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var unknown = configuration.GetSection(section).GetChildren()
            .Select(child => child.Key)
            .Where(key => !Settings.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Select(key => $"{section}:{key} is not a setting (the {section} settings are {string.Join(", ", Settings)}).")
            .ToList();
        return unknown.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(unknown);
    }
}

/// <summary>Registers <see cref="UnknownSettingsValidator{TOptions}"/>.</summary>
public static class UnknownSettingsRegistration
{
    public static IServiceCollection RefuseUnknownSettings<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddSingleton<IValidateOptions<TOptions>>(new UnknownSettingsValidator<TOptions>(configuration, section));
}
