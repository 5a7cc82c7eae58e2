using QRCoder;
using SkiaSharp;

namespace Station.Personalization.CardFace;

/// <summary>A QR code's dark modules as one path of whole-pixel rectangles, one per horizontal run.</summary>
internal static class QrModules
{
    /// <summary>
    /// Encodes <paramref name="text"/> as UTF-8 with an ECI header (so readers do not guess the encoding), level M,
    /// quiet zone included, and lays the modules out centred in <paramref name="target"/> at a whole number of pixels each.
    /// </summary>
    public static SKPath Path(string text, SKRect target)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M, forceUtf8: true, utf8BOM: false, eciMode: QRCodeGenerator.EciMode.Utf8);
        var matrix = data.ModuleMatrix;
        var modules = matrix.Count;
        var moduleSize = MathF.Floor(Math.Min(target.Width, target.Height) / modules);
        var left = target.Left + ((target.Width - (moduleSize * modules)) / 2);
        var top = target.Top + ((target.Height - (moduleSize * modules)) / 2);
        var path = new SKPath();
        for (var row = 0; row < modules; row++)
        {
            var modulesOfRow = matrix[row];
            var column = 0;
            while (column < modules)
            {
                if (!modulesOfRow[column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < modules && modulesOfRow[column])
                {
                    column++;
                }

                path.AddRect(SKRect.Create(left + (start * moduleSize), top + (row * moduleSize), (column - start) * moduleSize, moduleSize));
            }
        }

        return path;
    }
}
