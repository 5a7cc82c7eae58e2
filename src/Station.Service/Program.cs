Console.WriteLine("station");
