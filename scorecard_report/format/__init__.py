"""The only code that turns a value into words: numbers, money, periods, targets, labels with their year."""
