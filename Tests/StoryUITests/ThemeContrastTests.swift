import Foundation
import StoryCore
import Testing
@testable import StoryUI

/// Every theme's class colours can be told apart: by the CIE76 colour difference (ΔE*ab) of
/// their foregrounds, and in the colour-blind theme also under simulated deuteranopia and
/// protanopia (Machado, Oliveira and Fernandes 2009, severity 1).
@Suite struct ThemeContrastTests {
    static let classes: [ThemeRole] = [.identical, .near, .paraphrase, .partial, .unique, .moved]

    static func lab(_ rgb: (Double, Double, Double)) -> (Double, Double, Double) {
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16 / 116 }
        let (r, g, b) = rgb
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    static func linear(_ index: UInt8) -> (Double, Double, Double) {
        let (r, g, b) = ReportPalette.rgb(index)
        func lin(_ c: Int) -> Double { let v = Double(c) / 255; return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        return (lin(r), lin(g), lin(b))
    }

    static func simulate(_ rgb: (Double, Double, Double), _ m: [[Double]]) -> (Double, Double, Double) {
        func clamp(_ v: Double) -> Double { min(1, max(0, v)) }
        let v = [rgb.0, rgb.1, rgb.2]
        let out = m.map { row in clamp(zip(row, v).map(*).reduce(0, +)) }
        return (out[0], out[1], out[2])
    }

    static func difference(_ a: (Double, Double, Double), _ b: (Double, Double, Double)) -> Double {
        let p = lab(a), q = lab(b)
        return ((p.0 - q.0) * (p.0 - q.0) + (p.1 - q.1) * (p.1 - q.1) + (p.2 - q.2) * (p.2 - q.2)).squareRoot()
    }

    static let deuteranopia: [[Double]] = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
    static let protanopia: [[Double]] = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]

    @Test("every pair of class colours differs by ΔE ≥ 25; in colorblind, ≥ 20 for deuteranopes and protanopes too")
    func classColoursDiffer() throws {
        let themes = UIFixtures.themes
        #expect(Set(themes.map(\.name)).isSuperset(of: ["dark", "light", "colorblind", "mono"]))
        for theme in themes {
            let colours: [(ThemeRole, UInt8)] = Self.classes.compactMap { role in
                if case .indexed(let index) = theme[role].foreground { return (role, index) }
                return nil
            }
            // mono has no colours: its classes differ by attribute, checked below.
            if colours.isEmpty {
                let looks = Self.classes.map { theme[$0] }
                #expect(Set(looks).count == looks.count, "\(theme.name): two classes look the same")
                continue
            }
            #expect(colours.count == Self.classes.count, "\(theme.name): a class without a colour")
            for (i, first) in colours.enumerated() {
                for second in colours[(i + 1)...] {
                    let a = Self.linear(first.1), b = Self.linear(second.1)
                    let normal = Self.difference(a, b)
                    #expect(normal >= 25, "\(theme.name): \(first.0) and \(second.0) differ by ΔE \(Int(normal))")
                    guard theme.name == "colorblind" else { continue }
                    for (name, matrix) in [("deuteranopia", Self.deuteranopia), ("protanopia", Self.protanopia)] {
                        let seen = Self.difference(Self.simulate(a, matrix), Self.simulate(b, matrix))
                        #expect(seen >= 20, "colorblind under \(name): \(first.0) and \(second.0) differ by ΔE \(Int(seen))")
                    }
                }
            }
        }
    }
}
